const preset = require('../../../jest.preset.cjs');

// msw 2 depends on ESM-only packages; jest runs CommonJS, so swc compiles them too.
const ESM_ONLY = ['rettime', '@open-draft/deferred-promise', 'until-async'];

module.exports = {
  ...preset,
  displayName: 'adapter-amazon-connect',
  rootDir: __dirname,
  transform: { ...preset.transform, '^.+\\.mjs$': Object.values(preset.transform)[0] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // Every Connect request a test makes is checked against Connect's own service model.
  setupFilesAfterEnv: ['<rootDir>/src/testing/connect-model-contract.setup.ts'],
};
