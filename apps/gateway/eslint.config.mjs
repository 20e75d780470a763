import baseConfig, { engineOnlyInComposition } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  { files: ['src/**/*.ts'], ignores: ['src/composition/**', 'src/cluster/**'], rules: engineOnlyInComposition },
];
