import type { Tree } from '@nx/devkit';
import type { VendorNames } from './vendor-names';

export const GATEWAY_ADAPTER_REGISTRY = 'apps/gateway/src/composition/adapter-registry.ts';
/** A line containing this marks where new imports go (the generator inserts above it). */
export const REGISTRY_IMPORTS_MARKER = '// @icc/tools:adapter-registry-imports';
/** A line containing this, inside `ADAPTER_REGISTRY`, marks where new entries go (inserted above it). */
export const REGISTRY_ENTRIES_MARKER = '// @icc/tools:adapter-registry-entries';

export type RegistryEdit =
  | { kind: 'registered' }
  | { kind: 'already-registered' }
  /** The file or its anchors are not there: the caller shows `snippet` for a manual edit. */
  | { kind: 'manual'; reason: string; snippet: string };

export function registryImport(names: VendorNames): string {
  return `import { create${names.className}Registration } from '${names.importPath}';`;
}

export function registryEntry(names: VendorNames): string {
  const key = /^[a-z][a-z0-9]*$/.test(names.vendor) ? names.vendor : `'${names.vendor}'`;
  return `${key}: () => create${names.className}Registration(process.env),`;
}

/**
 * Adds the vendor to the gateway's adapter registry with plain text edits (no AST): at the marker
 * comments when the file has them, else before the closing brace of `ADAPTER_REGISTRY` and after
 * the last import. Anything unexpected is reported for a manual edit rather than guessed at.
 */
export function registerAdapterInGateway(tree: Tree, names: VendorNames): RegistryEdit {
  const snippet = `${registryImport(names)}\n…\n  ${registryEntry(names)}`;
  const content = tree.read(GATEWAY_ADAPTER_REGISTRY, 'utf-8');
  if (content === null) return { kind: 'manual', reason: `${GATEWAY_ADAPTER_REGISTRY} does not exist`, snippet };
  if (content.includes(`'${names.importPath}'`)) return { kind: 'already-registered' };
  const lines = content.split('\n');

  const marker = lineOfMarker(lines, REGISTRY_ENTRIES_MARKER);
  const entryAt = marker ?? closingLineOfRegistry(lines);
  if (entryAt === undefined) {
    return { kind: 'manual', reason: `no ${REGISTRY_ENTRIES_MARKER} marker and no ADAPTER_REGISTRY object literal found`, snippet };
  }
  const indent = indentOf(lines[entryAt] ?? '') + (marker === undefined ? '  ' : '');
  ensureTrailingComma(lines, entryAt);
  lines.splice(entryAt, 0, `${indent}${registryEntry(names)}`);

  const importAt = lineOfMarker(lines, REGISTRY_IMPORTS_MARKER) ?? afterLastImport(lines);
  lines.splice(importAt, 0, registryImport(names));
  tree.write(GATEWAY_ADAPTER_REGISTRY, lines.join('\n'));
  return { kind: 'registered' };
}

function lineOfMarker(lines: readonly string[], marker: string): number | undefined {
  const index = lines.findIndex((line) => line.includes(marker));
  return index < 0 ? undefined : index;
}

/** The entry before the insertion point needs a comma once another entry follows it. */
function ensureTrailingComma(lines: string[], before: number): void {
  for (let index = before - 1; index >= 0; index--) {
    const code = (lines[index] ?? '').trimEnd();
    if (code === '' || code.trimStart().startsWith('//')) continue;
    // A line with a trailing comment is left alone: where its code ends cannot be told without parsing.
    if (!/[,{([]$/.test(code) && !code.includes('//')) lines[index] = `${code},`;
    return;
  }
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** Index of the line holding the `}` that closes `ADAPTER_REGISTRY = {`, counting braces outside strings. */
function closingLineOfRegistry(lines: readonly string[]): number | undefined {
  const start = lines.findIndex((line) => /\bADAPTER_REGISTRY\b.*=\s*\{/.test(line));
  if (start < 0) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const from = index === start ? line.indexOf('{', line.indexOf('ADAPTER_REGISTRY')) : 0;
    for (let column = from; column < line.length; column++) {
      const char = line[column];
      if (quote) {
        if (char === '\\') column++;
        else if (char === quote) quote = undefined;
      } else if (char === '/' && line[column + 1] === '/') break;
      else if (char === "'" || char === '"' || char === '`') quote = char;
      else if (char === '{') depth++;
      else if (char === '}' && --depth === 0) return index;
    }
  }
  return undefined;
}

/** Index just after the last top-level import statement (multi-line imports included). */
function afterLastImport(lines: readonly string[]): number {
  let after = 0;
  let inImport = false;
  for (const [index, line] of lines.entries()) {
    if (/^import\b/.test(line)) inImport = true;
    if (inImport && /;\s*$/.test(line)) {
      after = index + 1;
      inImport = false;
    }
  }
  return after;
}
