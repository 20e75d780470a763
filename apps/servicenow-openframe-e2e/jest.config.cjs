module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'servicenow-openframe-e2e',
  rootDir: __dirname,
  testTimeout: 120_000,
  maxWorkers: 1,
};
