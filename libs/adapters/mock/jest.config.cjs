module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'adapter-mock', rootDir: __dirname };
