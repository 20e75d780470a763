module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'workspace',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
};
