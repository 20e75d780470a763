import baseConfig from '../../eslint.config.mjs';

// The client runs in the browser workspace too, so no Node built-ins outside tests and their helpers.
export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'net', 'child_process', 'ws'],
              message: '@icc/client is isomorphic: no Node built-ins (tests may use them).',
            },
          ],
        },
      ],
    },
  },
];
