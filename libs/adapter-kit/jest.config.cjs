module.exports = { ...require('../../jest.preset.cjs'), displayName: 'adapter-kit', rootDir: __dirname };
