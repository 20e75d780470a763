import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { loadGatewayBundleOptions } from './gateway-bundle-options';
import { BENCH_ROOT, REPO_ROOT } from './paths';

/** Every program the harness starts, relative to `src/`. */
const CHILD_ENTRIES = [
  'process/task-child.ts',
  'scenarios/intake/gateway-intake-child.ts',
  'scenarios/intake/express-intake-child.ts',
  'scenarios/fan-out/gateway-fan-out-child.ts',
  'scenarios/fan-out/raw-ws-child.ts',
  'scenarios/cluster/cluster-gateway-child.ts',
] as const;

export type ChildEntry = (typeof CHILD_ENTRIES)[number];

const OUT_DIR = join(BENCH_ROOT, '.cache/children');
let built: Promise<void> | undefined;

/**
 * Children run as esbuild bundles, built once per run the way the gateway's production bundle is
 * (our libraries inlined through the tsconfig paths, npm packages external): a child then starts
 * in a fraction of a second, where going through tsx's loader cost seconds on a busy 2-core machine.
 */
export async function childEntry(entry: ChildEntry): Promise<string> {
  built ??= buildChildren();
  await built;
  return join(OUT_DIR, `${basename(entry, '.ts')}.js`);
}

async function buildChildren(): Promise<void> {
  const { nodeProgramBundleOptions } = await loadGatewayBundleOptions();
  await build({
    ...nodeProgramBundleOptions,
    entryPoints: CHILD_ENTRIES.map((child) => join(BENCH_ROOT, 'src', child)),
    outdir: OUT_DIR,
    entryNames: '[name]',
    tsconfig: join(BENCH_ROOT, 'tsconfig.json'),
    sourcemap: true,
    absWorkingDir: REPO_ROOT,
  });
}
