module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'adapter-genesys', rootDir: __dirname };
