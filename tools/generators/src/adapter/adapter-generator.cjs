// Nx loads a TypeScript generator through @swc-node/register or ts-node, and Node 20 cannot strip
// types itself; neither is installed here, so tsx (a devDependency) compiles the source on the fly.
const { require: requireTypeScript } = require('tsx/cjs/api');

module.exports = requireTypeScript('./adapter-generator.ts', __filename);
