// Libraries the browser workspace loads (protocol, core, client) must not import Node built-ins.
const NODE_BUILT_INS = ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'net', 'child_process', 'ws'];

export function isomorphicSources(libraryName, { ignores = [] } = {}) {
  return {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', ...ignores],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: NODE_BUILT_INS, message: `${libraryName} is isomorphic: no Node built-ins outside tests.` }] },
      ],
    },
  };
}
