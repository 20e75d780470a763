import { assetsReferencedByHtml, initialRouteAssets, staticImportsOf } from './find-initial-assets';

const VITE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <script type="module" crossorigin src="/assets/index-CDhtj93b.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-Ab12.js">
    <link rel="stylesheet" crossorigin href="/assets/index-B5kWGwPo.css">
    <link rel="icon" href="/favicon.svg">
    <script src="https://cdn.example.com/analytics.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

describe('assetsReferencedByHtml', () => {
  it('takes module scripts, stylesheets and modulepreloads, but not icons or other origins', () => {
    expect(assetsReferencedByHtml(VITE_HTML)).toEqual(['assets/index-CDhtj93b.js', 'assets/vendor-Ab12.js', 'assets/index-B5kWGwPo.css']);
  });
});

describe('staticImportsOf', () => {
  it('follows static imports and re-exports, never dynamic import()', () => {
    const code = 'import{a as b}from"./vendor-Ab12.js";import"./polyfill.js";export*from"./re.js";const p=()=>import("./supervisor-page.js");';
    expect(staticImportsOf('assets/index.js', code)).toEqual(['assets/vendor-Ab12.js', 'assets/polyfill.js', 'assets/re.js']);
  });

  it('ignores bare specifiers and method calls named import', () => {
    expect(staticImportsOf('assets/index.js', 'import x from"react";loader.import("./nope.js");')).toEqual([]);
  });
});

describe('initialRouteAssets', () => {
  it('walks static imports transitively, once each, and leaves lazy chunks out', () => {
    const files: Record<string, string> = {
      'assets/index-CDhtj93b.js': 'import{v}from"./vendor-Ab12.js";const s=()=>import("./supervisor.js");',
      'assets/vendor-Ab12.js': 'import"./shared.js";',
      'assets/shared.js': 'import"./vendor-Ab12.js";',
    };
    expect(initialRouteAssets(VITE_HTML, (path) => files[path] ?? '')).toEqual([
      'assets/index-B5kWGwPo.css',
      'assets/index-CDhtj93b.js',
      'assets/shared.js',
      'assets/vendor-Ab12.js',
    ]);
  });
});
