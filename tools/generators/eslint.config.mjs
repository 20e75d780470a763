import baseConfig from '../../eslint.config.mjs';

// Templates under src/adapter/files are EJS, not TypeScript: they are checked in the generated project.
export default [...baseConfig, { ignores: ['src/adapter/files/**'] }];
