import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway } from './start-gateway';

describe('startGateway', () => {
  it('serves API and workspace on a free port, and stop() ends the process and removes its data dir', async () => {
    const gateway = await startGateway();
    try {
      expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      const index = await fetch(`${gateway.url}/`);
      expect(await index.text()).toContain('<div id="root">');
      expect(existsSync(gateway.dataDir)).toBe(true);
    } finally {
      await gateway.stop();
    }
    expect(existsSync(gateway.dataDir)).toBe(false);
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
  });

  it('names the missing build output and how to build it', async () => {
    const emptyRoot = mkdtempSync(join(tmpdir(), 'icc-e2e-empty-'));
    try {
      await expect(startGateway({ repoRoot: emptyRoot })).rejects.toThrow(
        /dist\/apps\/gateway\/main\.js, .*dist\/apps\/workspace\/index\.html\. Run `npx nx run workspace-e2e:test`/,
      );
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });
});
