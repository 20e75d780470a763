module.exports = { ...require('../../jest.preset.cjs'), displayName: 'dev-start', rootDir: __dirname, testTimeout: 30_000 };
