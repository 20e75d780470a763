import nx from '@nx/eslint-plugin';

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
            { sourceTag: 'type:store', onlyDependOnLibsWithTags: ['type:core', 'type:protocol'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:protocol'] },
            { sourceTag: 'type:adapter-kit', onlyDependOnLibsWithTags: ['type:core', 'type:protocol'] },
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:core', 'type:protocol', 'type:adapter-kit'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:protocol',
                'type:core',
                'type:store',
                'type:client',
                'type:adapter',
                'type:adapter-kit',
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
];
