import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..', '..', '..');

interface AdapterSize {
  adapter: string;
  lines: number;
  limit: number;
  files: Array<{ path: string; lines: number }>;
}

const sizes = (): AdapterSize[] => JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'tools', 'adapter-size.mjs'), '--json'], { encoding: 'utf8' })) as AdapterSize[];

// Issue 13: a vendor adapter is wire mapping; ICC's rules live in core and the shared machinery in
// adapter-kit. Its own code (simulator, fixtures, tests and test helpers apart) stays within the limit.
describe('vendor adapter size', () => {
  const measured = sizes();

  it.each(['genesys', 'amazon-connect'])('%s is measured, on its real files', (adapter) => {
    const size = measured.find((candidate) => candidate.adapter === adapter);
    expect(size?.files.some((file) => file.path.endsWith('-adapter.ts'))).toBe(true);
    expect(size?.files.some((file) => /simulator|\.test\.ts$|__fixtures__|[\\/]testing[\\/]/.test(file.path))).toBe(false);
  });

  it.each(measured.map((size) => [size.adapter, size] as const))('%s has at most 1,500 own lines', (_adapter, size) => {
    expect(size.limit).toBe(1500);
    expect(size.lines).toBeLessThanOrEqual(size.limit);
  });
});
