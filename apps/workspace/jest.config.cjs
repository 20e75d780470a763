const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/css-module-stub.cjs', ...preset.moduleNameMapper },
  displayName: 'workspace',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  // A CSS module's class is its own (camel-case) key in tests: `styles.buttonPrimary` → "buttonPrimary".
  moduleNameMapper: {
    ...require('../../jest.preset.cjs').moduleNameMapper,
    '\\.module\\.css$': 'identity-obj-proxy',
  },
};
