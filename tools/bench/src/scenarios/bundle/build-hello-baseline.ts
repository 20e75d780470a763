import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../process/paths';

const HELLO_ENTRY = `
import { createRoot } from 'react-dom/client';
import { jsx } from 'react/jsx-runtime';
createRoot(document.getElementById('root')).render(jsx('h1', { children: 'Hello' }));
`;

const HELLO_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Hello</title>
    <script type="module" src="/assets/hello.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

/** Baseline: the smallest React app there is (React 19 + react-dom, one element), minified by esbuild. */
export async function buildHelloBaseline(outDir: string): Promise<string> {
  await build({
    stdin: { contents: HELLO_ENTRY, resolveDir: REPO_ROOT, loader: 'js' },
    outfile: join(outDir, 'assets/hello.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(join(outDir, 'index.html'), HELLO_HTML);
  return outDir;
}
