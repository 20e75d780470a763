import { join } from 'node:path';
import { build } from 'esbuild';
import { BENCH_ROOT, REPO_ROOT } from '../../process/paths';

/**
 * The gateway as production runs it: one esbuild bundle of `apps/gateway/src/main.ts`, npm
 * packages external (same options as `apps/gateway/build.mjs`), written to the bench's cache
 * so the shared `dist/` is left alone.
 */
export async function bundleGateway(): Promise<string> {
  const outfile = join(BENCH_ROOT, '.cache/gateway/main.js');
  await build({
    entryPoints: [join(REPO_ROOT, 'apps/gateway/src/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(REPO_ROOT, 'apps/gateway/tsconfig.json'),
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}
