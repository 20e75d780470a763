import nx from '@nx/eslint-plugin';

/** The in-process ACD is wired in where the gateway is composed, never in its routes or streams. */
export const engineOnlyInComposition = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: '@icc/engine', message: 'Only the gateway composition (src/composition, and src/cluster which starts and stops the ACD) may import @icc/engine.' }] },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/schema/*.json', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:protocol', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:protocol'] },
            // The in-process ACD: only the mock adapter, the gateway and the benchmark may use it.
            { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:core', 'type:protocol'] },
            { sourceTag: 'type:store', onlyDependOnLibsWithTags: ['type:core', 'type:protocol'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:protocol'] },
            { sourceTag: 'type:adapter-kit', onlyDependOnLibsWithTags: ['type:core', 'type:protocol'] },
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:core', 'type:protocol', 'type:adapter-kit'],
            },
            {
              sourceTag: 'type:engine-adapter',
              onlyDependOnLibsWithTags: ['type:core', 'type:protocol', 'type:adapter-kit', 'type:engine'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:protocol',
                'type:core',
                'type:store',
                'type:client',
                'type:adapter',
                'type:engine-adapter',
                'type:adapter-kit',
                'type:engine',
              ],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:protocol', 'type:client', 'type:app', 'type:e2e-support'] },
            { sourceTag: 'type:e2e-support', onlyDependOnLibsWithTags: ['type:protocol'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
            {
              sourceTag: 'scope:browser',
              onlyDependOnLibsWithTags: ['scope:browser', 'scope:shared'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Linting from the repository root (editors, the layering test); apps/gateway repeats it for its own lint.
  { files: ['apps/gateway/src/**/*.ts'], ignores: ['apps/gateway/src/composition/**', 'apps/gateway/src/cluster/**'], rules: engineOnlyInComposition },
];
