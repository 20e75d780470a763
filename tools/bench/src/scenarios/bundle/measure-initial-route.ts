import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { initialRouteAssets } from './find-initial-assets';

export interface InitialRoute {
  files: { path: string; bytes: number; gzipBytes: number }[];
  gzipKb: number;
}

/** index.html plus its eager JS/CSS, each gzipped on its own (as served), summed. Lazy chunks are left out. */
export function measureInitialRoute(siteDir: string): InitialRoute {
  const read = (path: string) => readFileSync(join(siteDir, path));
  const html = read('index.html').toString('utf8');
  const paths = ['index.html', ...initialRouteAssets(html, (path) => read(path).toString('utf8'))];
  const files = paths.map((path) => {
    const content = read(path);
    return { path, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzipKb: files.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024 };
}
