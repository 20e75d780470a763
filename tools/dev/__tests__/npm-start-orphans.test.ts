import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../start-run-output.mjs';

jest.setTimeout(120_000);

const REPO_ROOT = path.join(__dirname, '../../..');


describe('npm start, SIGKILLed (tools/dev/start.mjs and its orphan guard)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-npm-start-orphans-'));
  let gatewayPid = 0;
  afterAll(() => {
    if (gatewayPid && isAlive(gatewayPid)) process.kill(gatewayPid, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops the gateway it started, which runs in a process group of its own', async () => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/dev/start.mjs'), '--no-workspace'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', ICC_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const closed = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /is running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void closed.then(() => reject(new Error(`npm start ended before it was running:\n${output}`)));
    });
    const children = fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    gatewayPid = children.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gateway/main.js')) ?? 0;
    expect(isAlive(gatewayPid)).toBe(true);
    const runDir = path.join(REPO_ROOT, /Building into (dist\/start\/run-\d+-\d+)/.exec(output)?.[1] ?? 'none printed');

    process.kill(child.pid ?? 0, 'SIGKILL');
    // `close` comes once the gateway (which shares the script's stderr) and the guard are gone.
    expect(await closed).toEqual({ code: null, signal: 'SIGKILL' });
    expect(output).toContain(`The start script (pid ${child.pid}) ended without stopping its children: stopping 1 process group(s), removing its files.`);
    expect(isAlive(gatewayPid)).toBe(false);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(fs.existsSync(runDir)).toBe(false);
  });
});
