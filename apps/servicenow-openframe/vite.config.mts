import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const gateway = 'http://127.0.0.1:3000';
/** The bridge loads inside ServiceNow's OpenFrame on every workspace page: it must stay small. */
const BRIDGE_BUDGET_GZIP_BYTES = 80 * 1024;

/** Fails the build when the OpenFrame app (its entry and the chunks it imports; not the harness) grows past the budget. */
function bridgeBudget(limit: number): Plugin {
  return {
    name: 'icc-openframe-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk');
      const main = chunks.find((chunk) => chunk.isEntry && chunk.name === 'main');
      if (!main) return this.error('no main entry chunk');
      const loaded = chunks.filter((chunk) => chunk === main || main.imports.includes(chunk.fileName));
      const gzipBytes = loaded.reduce((total, chunk) => total + gzipSync(chunk.code).length, 0);
      if (gzipBytes > limit) this.error(`OpenFrame app is ${Math.round(gzipBytes / 1024)} KB gzip, over the ${limit / 1024} KB budget`);
    },
  };
}

export default defineConfig({
  root: appRoot,
  base: '/servicenow/',
  plugins: [bridgeBudget(BRIDGE_BUDGET_GZIP_BYTES)],
  resolve: {
    alias: {
      '@icc/protocol': `${repoRoot}libs/protocol/src/index.ts`,
      '@icc/core': `${repoRoot}libs/core/src/index.ts`,
      '@icc/client': `${repoRoot}libs/client/src/index.ts`,
    },
  },
  build: {
    outDir: `${repoRoot}dist/apps/servicenow-openframe`,
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { main: `${appRoot}index.html`, harness: `${appRoot}harness/index.html` },
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 4300,
    proxy: {
      '/v1': { target: gateway, ws: true, changeOrigin: true },
    },
  },
});
