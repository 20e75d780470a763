// Shared jest settings: swc for speed, tsconfig path aliases resolved to library sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(__dirname, target),
  ]),
);

// msw 2 depends on ESM-only packages, and openapi-backend (gateway's response-validation test) loads the ESM-only
// json-schema-ref-parser (with its js-yaml) through import(); jest runs CommonJS, so swc compiles those too.
const ESM_ONLY_PACKAGES = [
  'rettime',
  '@open-draft/deferred-promise',
  'until-async',
  'openapi-backend',
  '@apidevtools/json-schema-ref-parser',
  'js-yaml',
  'argparse',
];

module.exports = {
  testEnvironment: 'node',
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  clearMocks: true,
};
