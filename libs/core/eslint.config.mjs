import baseConfig from '../../eslint.config.mjs';
import { isomorphicSources } from '../../eslint.isomorphic.mjs';

export default [...baseConfig, isomorphicSources('@icc/core', { ignores: ['src/testing/**'] })];
