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
function boundaryViolations(path: string, source: string): string[] {
  const run = spawnSync(
    join(repoRoot, 'node_modules', '.bin', 'eslint'),
    ['--stdin', '--stdin-filename', join(repoRoot, path), '--format', 'json'],
    { cwd: repoRoot, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (!run.stdout) throw new Error(`eslint produced no report: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

// The layering of DESIGN §1, enforced by lint rather than review.
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
        "import { createCallbackEngine } from '@icc/core';",
        "import { PROTOCOL_VERSION } from '@icc/protocol';",
        "import { createVendorHttpClient } from '@icc/adapter-kit';",
        'export const probe = [createCallbackEngine, PROTOCOL_VERSION, createVendorHttpClient];',
      ].join('\n'),
    );
    expect(violations).toEqual([]);
  });
});
