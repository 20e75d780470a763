import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { workspaceStatic } from './workspace-static';

describe('workspaceStatic', () => {
  let directory: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'icc-workspace-static-'));
    writeFileSync(join(directory, 'index.html'), '<!doctype html><title>workspace</title>');
    const router = workspaceStatic(directory);
    if (!router) throw new Error('index.html was written');
    const app = express().use(router);
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it("serves the customer's status page (token in its URL) uncached and without a referrer; other pages as before", async () => {
    const status = await fetch(`${url}/status/cb-1?token=${'t'.repeat(43)}`, { headers: { accept: 'text/html' } });
    expect(status.status).toBe(200);
    expect(await status.text()).toContain('<title>workspace</title>');
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(status.headers.get('referrer-policy')).toBe('no-referrer');

    const inbox = await fetch(`${url}/inbox`, { headers: { accept: 'text/html' } });
    expect(inbox.headers.get('cache-control')).toBe('no-cache');
    expect(inbox.headers.get('referrer-policy')).toBeNull();
  });
});
