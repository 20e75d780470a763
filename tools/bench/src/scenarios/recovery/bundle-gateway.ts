import { join } from 'node:path';
import { build } from 'esbuild';
import { loadGatewayBundleOptions } from '../../process/gateway-bundle-options';
import { BENCH_ROOT } from '../../process/paths';

/** The gateway as production runs it, written to the bench's cache so the shared `dist/` is left alone. */
export async function bundleGateway(): Promise<string> {
  const outfile = join(BENCH_ROOT, '.cache/gateway/main.js');
  const { gatewayBundleOptions } = await loadGatewayBundleOptions();
  await build(gatewayBundleOptions({ outfile }));
  return outfile;
}
