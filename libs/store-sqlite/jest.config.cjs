module.exports = { ...require('../../jest.preset.cjs'), displayName: 'store-sqlite', rootDir: __dirname };
