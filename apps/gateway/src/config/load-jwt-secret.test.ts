import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadJwtSecret } from './load-jwt-secret';

describe('loadJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'icc-jwt-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prefers the configured secret and writes nothing', () => {
    expect(loadJwtSecret('c'.repeat(32), dataDir)).toBe('c'.repeat(32));
    expect(() => statSync(join(dataDir, 'jwt-secret'))).toThrow();
  });

  it('generates a secret once, stores it with mode 0600 and reuses it', () => {
    const generated = loadJwtSecret(undefined, join(dataDir, 'nested'));
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, 'nested', 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(loadJwtSecret(undefined, join(dataDir, 'nested'))).toBe(generated);
  });

  it('refuses a stored secret that is too short', () => {
    writeFileSync(join(dataDir, 'jwt-secret'), 'short');
    expect(() => loadJwtSecret(undefined, dataDir)).toThrow(/^ICC_JWT_SECRET: /);
  });
});
