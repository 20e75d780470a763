import baseConfig from '../../eslint.config.mjs';

// core is isomorphic: it runs in the browser workspace too, so no Node built-ins.
export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'net', 'child_process'], message: '@icc/core is isomorphic: no Node built-ins.' }] },
      ],
    },
  },
];
