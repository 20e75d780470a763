module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'gateway',
  rootDir: __dirname,
  // Every answer of an in-process gateway is checked against the OpenAPI document it serves.
  setupFilesAfterEnv: ['<rootDir>/src/__tests__/openapi-audit/audit-responses.setup.ts'],
};
