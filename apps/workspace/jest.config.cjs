const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/css-module-stub.cjs', ...preset.moduleNameMapper },
  displayName: 'workspace',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};
