const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  // Jest has no CSS pipeline: a CSS module's class is its own (camel-case) key in tests
  // (`styles.buttonPrimary` → "buttonPrimary"); plain stylesheets (uPlot's) import as nothing.
  moduleNameMapper: { '\\.css$': '<rootDir>/src/testing/css-module-stub.cjs', ...preset.moduleNameMapper },
  displayName: 'workspace',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};
