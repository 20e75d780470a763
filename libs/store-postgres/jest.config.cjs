module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'store-postgres',
  rootDir: __dirname,
  // One throwaway PostgreSQL 15 cluster per run (initdb/pg_ctl in a temp dir), removed at the end.
  globalSetup: '<rootDir>/src/testing/jest-global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/jest-global-teardown.ts',
  testTimeout: 30_000,
};
