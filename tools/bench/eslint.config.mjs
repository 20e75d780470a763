import baseConfig from '../../eslint.config.mjs';

// .cache holds the bundled gateway and CPU profiles of bench runs: output, not source.
export default [...baseConfig, { ignores: ['**/.cache/**', '**/results/**'] }];
