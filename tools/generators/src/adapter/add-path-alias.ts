import { parseJson, updateJson, type Tree } from '@nx/devkit';

const TSCONFIG = 'tsconfig.base.json';

interface TsConfigWithPaths {
  compilerOptions?: { paths?: Record<string, string[]> };
}

/**
 * Adds `alias → target` to the root tsconfig's `paths`. The line is inserted as text after the
 * last entry, so the rest of the file (other people's entries, its layout) stays byte for byte;
 * when the file has an unexpected shape it falls back to rewriting the JSON.
 */
export function addPathAlias(tree: Tree, alias: string, target: string): void {
  const original = tree.read(TSCONFIG, 'utf-8');
  if (original === null) throw new Error(`${TSCONFIG} is missing: the alias ${alias} cannot be added`);
  const existing = parseJson<TsConfigWithPaths>(original).compilerOptions?.paths?.[alias];
  if (existing) {
    if (existing[0] === target) return;
    throw new Error(`${TSCONFIG} already maps ${alias} to ${existing.join(', ')}`);
  }
  const edited = insertPathLine(original, alias, target);
  if (edited !== undefined && parseJson<TsConfigWithPaths>(edited).compilerOptions?.paths?.[alias]?.[0] === target) {
    tree.write(TSCONFIG, edited);
    return;
  }
  updateJson<TsConfigWithPaths>(tree, TSCONFIG, (json) => {
    json.compilerOptions ??= {};
    json.compilerOptions.paths = { ...json.compilerOptions.paths, [alias]: [target] };
    return json;
  });
}

function insertPathLine(content: string, alias: string, target: string): string | undefined {
  const block = /"paths"\s*:\s*\{([^{}]*)\}/.exec(content);
  if (!block) return undefined;
  const entries = block[1] ?? '';
  const line = `${JSON.stringify(alias)}: [${JSON.stringify(target)}]`;
  const start = block.index + block[0].indexOf('{') + 1;
  if (entries.trim() === '') return `${content.slice(0, start)}${line}${content.slice(start + entries.length)}`;
  const indent = /\n([ \t]*)"/.exec(entries)?.[1];
  const lastEntryEnd = start + entries.trimEnd().length;
  const separator = indent === undefined ? ', ' : `,\n${indent}`;
  return `${content.slice(0, lastEntryEnd)}${separator}${line}${content.slice(lastEntryEnd)}`;
}
