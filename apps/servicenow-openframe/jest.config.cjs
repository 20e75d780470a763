module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'servicenow-openframe',
  rootDir: __dirname,
  testEnvironment: 'node',
};
