import { posix } from 'node:path';

const ATTRIBUTE = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i');
const TAG = /<(script|link)\b[^>]*>/gi;
// Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`. `import("./x.js")` is lazy.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.(?:m?js|css))["']/g;

/** Paths (relative to the site root, no leading slash) the HTML loads before first paint. */
export function assetsReferencedByHtml(html: string): string[] {
  const assets: string[] = [];
  for (const match of html.matchAll(TAG)) {
    const tag = match[0];
    if (match[1]?.toLowerCase() === 'script') {
      const src = ATTRIBUTE('src').exec(tag)?.[1];
      if (src && !/\bnomodule\b/i.test(tag)) assets.push(src);
    } else {
      const rel = ATTRIBUTE('rel').exec(tag)?.[1]?.toLowerCase() ?? '';
      const href = ATTRIBUTE('href').exec(tag)?.[1];
      if (href && (rel === 'stylesheet' || rel === 'modulepreload')) assets.push(href);
    }
  }
  return assets.filter((asset) => !/^[a-z]+:\/\//i.test(asset)).map((asset) => asset.replace(/^\//, ''));
}

/** Files a JS module imports statically, resolved against the module's own path. */
export function staticImportsOf(modulePath: string, code: string): string[] {
  const imports: string[] = [];
  for (const match of code.matchAll(STATIC_IMPORT)) {
    const specifier = match[1] as string;
    const before = code.slice(Math.max(0, (match.index ?? 0) - 1), match.index ?? 0);
    if (before === '.' || !specifier.startsWith('.')) continue;
    imports.push(posix.normalize(posix.join(posix.dirname(modulePath), specifier)));
  }
  return imports;
}

/** The initial route: what the HTML loads, plus every module those import statically, transitively. */
export function initialRouteAssets(html: string, readText: (path: string) => string): string[] {
  const seen = new Set<string>();
  const pending = assetsReferencedByHtml(html);
  while (pending.length > 0) {
    const asset = pending.pop() as string;
    if (seen.has(asset)) continue;
    seen.add(asset);
    if (/\.m?js$/.test(asset)) pending.push(...staticImportsOf(asset, readText(asset)));
  }
  return [...seen].sort();
}
