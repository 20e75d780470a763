import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { serviceNowOpenFrameStatic } from './servicenow-openframe-static';

describe('serviceNowOpenFrameStatic', () => {
  let directory: string;
  let server: Server | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'icc-openframe-static-'));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  async function serve(): Promise<string> {
    const router = serviceNowOpenFrameStatic(directory);
    if (!router) throw new Error('not served');
    const app = express().use(router);
    server = createServer(app);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
  }

  it('serves nothing when the OpenFrame app is not built', () => {
    expect(serviceNowOpenFrameStatic(directory)).toBeUndefined();
  });

  it('serves the app at /servicenow/ and the harness at /servicenow/harness/, HTML never cached', async () => {
    writeFileSync(join(directory, 'index.html'), '<main id="app"></main>');
    mkdirSync(join(directory, 'harness'));
    writeFileSync(join(directory, 'harness/index.html'), '<main id="harness"></main>');
    const base = await serve();

    const app = await fetch(`${base}/servicenow/`);
    expect(await app.text()).toContain('id="app"');
    expect(app.headers.get('cache-control')).toBe('no-cache');
    expect(await (await fetch(`${base}/servicenow/harness/`)).text()).toContain('id="harness"');
    expect((await fetch(`${base}/servicenow/missing.js`)).status).toBe(404);
  });
});
