// Bundles the gateway for `npm start` / `nx run gateway:build`: our libraries are inlined (tsconfig
// paths), npm packages stay external and load from node_modules.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

export async function buildGateway() {
  const outfile = join(root, 'dist/apps/gateway/main.js');
  await build({
    entryPoints: [join(root, 'apps/gateway/src/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(root, 'apps/gateway/tsconfig.json'),
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = await buildGateway();
  console.log(`gateway bundled to ${outfile}`);
}
