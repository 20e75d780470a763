import type { BuildOptions } from 'esbuild';

export declare const nodeProgramBundleOptions: Readonly<BuildOptions>;

export interface GatewayBundleTarget {
  outfile: string;
  /** Default true; `false` when nothing reads the map, e.g. a throwaway test bundle. */
  sourcemap?: boolean;
}

export declare function gatewayBundleOptions(target: GatewayBundleTarget): BuildOptions;
