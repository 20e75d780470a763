#!/usr/bin/env node
// How many lines of its own code each vendor adapter has (issue 13: at most 1,500 each).
// Own code: every file under libs/adapters/<vendor>/src except the vendor's simulator (a folder
// named `*-simulator`), fixtures (`__fixtures__`), test helpers (`testing/`), tests (`*.test.ts`)
// and test support (`*.test-support.ts`). Lines are counted as `wc -l` does (newline characters).
//   node tools/adapter-size.mjs          a table per adapter, exit 1 when one is over the limit
//   node tools/adapter-size.mjs --json   the same as JSON, with every file (exit 0: tools/generators' test judges)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIMIT = 1500;
export const VENDOR_ADAPTERS = ['genesys', 'amazon-connect'];

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXCLUDED_FOLDERS = [/-simulator$/, /^__fixtures__$/, /^testing$/];
const EXCLUDED_FILES = [/\.test\.tsx?$/, /\.test-support\.tsx?$/];

const countLines = (path) => readFileSync(path, 'utf8').split('\n').length - 1;

function ownFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return EXCLUDED_FOLDERS.some((rule) => rule.test(entry.name)) ? [] : ownFiles(path);
    return EXCLUDED_FILES.some((rule) => rule.test(entry.name)) ? [] : [path];
  });
}

export function adapterSizes(root = repoRoot) {
  return VENDOR_ADAPTERS.map((adapter) => {
    const files = ownFiles(join(root, 'libs', 'adapters', adapter, 'src'))
      .map((path) => ({ path: relative(root, path), lines: countLines(path) }))
      .sort((a, b) => b.lines - a.lines);
    return { adapter, lines: files.reduce((sum, file) => sum + file.lines, 0), limit: LIMIT, files };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = adapterSizes();
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes, null, 2));
  else {
    for (const { adapter, lines, files } of sizes) console.log(`${adapter.padEnd(16)} ${String(lines).padStart(5)} own lines (limit ${LIMIT}, ${files.length} files)`);
    process.exitCode = sizes.some((size) => size.lines > LIMIT) ? 1 : 0;
  }
}
