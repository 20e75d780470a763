import baseConfig from '../../eslint.config.mjs';

// The contract is loaded by the browser workspace too, so its sources use no Node built-ins.
export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'net', 'child_process'], message: '@icc/protocol is isomorphic: no Node built-ins.' }] },
      ],
    },
  },
];
