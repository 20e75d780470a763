import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths';

type GatewayBundleOptions = typeof import('../../../../apps/gateway/bundle-options.mjs');

/**
 * The esbuild options of the gateway's production bundle (`apps/gateway/bundle-options.mjs`),
 * loaded by path the way the bench reaches the gateway's entry: an app has no library entry
 * point to import from.
 */
export function loadGatewayBundleOptions(): Promise<GatewayBundleOptions> {
  return import(pathToFileURL(join(REPO_ROOT, 'apps/gateway/bundle-options.mjs')).href) as Promise<GatewayBundleOptions>;
}
