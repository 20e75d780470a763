import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const gateway = 'http://127.0.0.1:3000';
const INITIAL_ROUTE_BUDGET_GZIP_BYTES = 250 * 1024;

/** Fails the build when the JavaScript loaded before the first paint grows past the budget. */
function initialRouteBudget(limit: number): Plugin {
  return {
    name: 'icc-initial-route-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const initial = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      const gzipBytes = initial.reduce(
        (total, chunk) => total + (chunk.type === 'chunk' ? gzipSync(chunk.code).length : 0),
        0,
      );
      if (gzipBytes > limit) {
        this.error(`Initial route is ${Math.round(gzipBytes / 1024)} KB gzip, over the ${limit / 1024} KB budget`);
      }
    },
  };
}

// No @vitejs/plugin-react: esbuild compiles the JSX (no fast refresh, full reloads in dev).
export default defineConfig({
  root: appRoot,
  plugins: [initialRouteBudget(INITIAL_ROUTE_BUDGET_GZIP_BYTES)],
  esbuild: { jsx: 'automatic' },
  // `.button--primary` in a *.module.css is `styles.buttonPrimary` in the component.
  css: { modules: { localsConvention: 'camelCaseOnly' } },
  resolve: {
    alias: {
      '@icc/protocol': `${repoRoot}libs/protocol/src/index.ts`,
      '@icc/core': `${repoRoot}libs/core/src/index.ts`,
      '@icc/client': `${repoRoot}libs/client/src/index.ts`,
    },
  },
  build: {
    outDir: `${repoRoot}dist/apps/workspace`,
    emptyOutDir: true,
    sourcemap: true,
    // The budget that matters is the initial route's gzip size, enforced by initialRouteBudget.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships `@__PURE__` comments Rollup cannot place; harmless, and noisy on every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/v1': { target: gateway, ws: true, changeOrigin: true },
      '/healthz': { target: gateway, changeOrigin: true },
    },
  },
});
