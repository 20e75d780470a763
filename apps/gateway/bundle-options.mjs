// The one definition of how the gateway is bundled for production. `build.mjs` (`npm start`,
// `nx run gateway:build`), the crash-matrix tests and the bench's recovery scenario all build
// from it, so what they kill or time is the program production runs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const gatewayRoot = dirname(fileURLToPath(import.meta.url));

/** How we bundle any node program: our libraries inlined, npm packages external (loaded from node_modules). */
export const nodeProgramBundleOptions = Object.freeze({
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});

/**
 * esbuild options bundling `apps/gateway/src/main.ts` into `outfile`; the tsconfig paths inline our libraries.
 * @param {{ outfile: string; sourcemap?: boolean }} options
 * @returns {import('esbuild').BuildOptions}
 */
export function gatewayBundleOptions({ outfile, sourcemap = true }) {
  return {
    ...nodeProgramBundleOptions,
    entryPoints: [join(gatewayRoot, 'src/main.ts')],
    outfile,
    tsconfig: join(gatewayRoot, 'tsconfig.json'),
    sourcemap,
  };
}
