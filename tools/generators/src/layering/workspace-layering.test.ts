import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..', '..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `source` as if it were a file at `path`, with the repository's real config. ESLint runs
 * in a child process because its flat config is ESM, which jest's CommonJS sandbox cannot load.
 */
function lintMessages(path: string, source: string): LintMessage[] {
  const run = spawnSync(
    join(repoRoot, 'node_modules', '.bin', 'eslint'),
    ['--stdin', '--stdin-filename', join(repoRoot, path), '--format', 'json'],
    { cwd: repoRoot, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return result?.messages ?? [];
}

function boundaryViolations(path: string, source: string): string[] {
  return lintMessages(path, source)
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

/** Every import rule that refuses `source` at `path`: module boundaries and restricted imports. */
function importViolations(path: string, source: string): string[] {
  return lintMessages(path, source)
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries' || message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const IMPORTS_ENGINE = "import { createCallbackEngine } from '@icc/engine';\nexport const probe = createCallbackEngine;\n";

// The layering of docs/architecture.md, enforced by lint rather than review.
describe('workspace layering (Nx tags + @nx/enforce-module-boundaries)', () => {
  jest.setTimeout(60_000);

  it('fails lint when an adapter imports another adapter', () => {
    const violations = boundaryViolations(
      'libs/adapters/genesys/src/layering-probe.ts',
      "import { createMockAdapter } from '@icc/adapter-mock';\nexport const probe = createMockAdapter;\n",
    );
    expect(violations.join('\n')).toMatch(/type:adapter.*can only depend on/);
  });

  it('fails lint when the browser workspace imports the SQLite store', () => {
    const violations = boundaryViolations(
      'apps/workspace/src/layering-probe.ts',
      "import { createSqliteEventStore } from '@icc/store-sqlite';\nexport const probe = createSqliteEventStore;\n",
    );
    expect(violations.join('\n')).toMatch(/scope:browser/);
  });

  it('fails lint when the protocol imports core', () => {
    const violations = boundaryViolations(
      'libs/protocol/src/layering-probe.ts',
      "import { allowedControls } from '@icc/core';\nexport const probe = allowedControls;\n",
    );
    expect(violations.length).toBeGreaterThan(0);
  });

  it('lets an adapter use core, protocol and the adapter kit', () => {
    const violations = boundaryViolations(
      'libs/adapters/genesys/src/layering-probe.ts',
      [
        "import { allowedControls } from '@icc/core';",
        "import { PROTOCOL_VERSION } from '@icc/protocol';",
        "import { createVendorHttpClient } from '@icc/adapter-kit';",
        'export const probe = [allowedControls, PROTOCOL_VERSION, createVendorHttpClient];',
      ].join('\n'),
    );
    expect(violations).toEqual([]);
  });

  describe('the in-process ACD (@icc/engine)', () => {
    it.each([
      ['a vendor adapter', 'libs/adapters/genesys/src/layering-probe.ts'],
      ['core', 'libs/core/src/layering-probe.ts'],
      ['the adapter kit', 'libs/adapter-kit/src/layering-probe.ts'],
      ['the SQLite store', 'libs/store-sqlite/src/layering-probe.ts'],
      ['the browser workspace', 'apps/workspace/src/layering-probe.ts'],
      ["the gateway's routes", 'apps/gateway/src/http/layering-probe.ts'],
    ])('fails lint when %s imports it', (_who, path) => {
      expect(importViolations(path, IMPORTS_ENGINE).length).toBeGreaterThan(0);
    });

    it.each([
      ['the mock adapter', 'libs/adapters/mock/src/layering-probe.ts'],
      ["the gateway's composition", 'apps/gateway/src/composition/layering-probe.ts'],
      ['the benchmark', 'tools/bench/src/layering-probe.ts'],
    ])('lets %s import it', (_who, path) => {
      expect(importViolations(path, IMPORTS_ENGINE)).toEqual([]);
    });
  });
});
