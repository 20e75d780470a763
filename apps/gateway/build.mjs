// Bundles the gateway for `npm start` / `nx run gateway:build` into dist/apps/gateway.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayBundleOptions } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string} [outfile] where to write the bundle; `npm start` gives each run its own. */
export async function buildGateway(outfile = join(root, 'dist/apps/gateway/main.js')) {
  await build(gatewayBundleOptions({ outfile }));
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = await buildGateway();
  console.log(`gateway bundled to ${outfile}`);
}
