import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localPostgresCluster, postgresBinDir, queryDatabase } from '@icc/store-postgres/testing';
import { startDevPostgres } from '../start-postgres.mjs';

jest.setTimeout(60_000);

describe('startDevPostgres (npm start -- --store postgres)', () => {
  const binDir = postgresBinDir();
  let parent: string;
  let dir: string;
  const handles: { stopSync(): void }[] = [];
  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-dev-pg-'));
    fs.chmodSync(parent, 0o755);
    dir = path.join(parent, 'pg');
  });
  afterAll(() => {
    for (const handle of handles) handle.stopSync();
    localPostgresCluster({ dir, binDir }).stopSync();
    fs.rmSync(parent, { recursive: true, force: true });
  });
  const start = async () => {
    const lines: string[] = [];
    const handle = await startDevPostgres({ dir, binDir, log: (line: string) => lines.push(line) });
    handles.push(handle);
    return { handle, lines };
  };

  it('creates the cluster and the icc database on the first run, and reuses both on the next', async () => {
    const first = await start();
    expect(first.handle.created).toBe(true);
    expect(first.handle.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/icc$/);
    if (process.getuid?.() === 0) expect(fs.statSync(dir).uid).not.toBe(0);
    const [settings] = await queryDatabase<{ fsync: string; name: string }>(first.handle.url, "SELECT current_setting('fsync') AS fsync, current_database() AS name");
    expect(settings).toEqual({ fsync: 'on', name: 'icc' });
    await queryDatabase(first.handle.url, 'CREATE TABLE kept (note text)');
    await queryDatabase(first.handle.url, 'INSERT INTO kept VALUES ($1)', ['first run']);
    await first.handle.stop();
    await expect(queryDatabase(first.handle.url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(fs.existsSync(path.join(dir, 'npm-start.pid'))).toBe(false);

    const second = await start();
    expect(second.handle.created).toBe(false);
    expect(second.lines).toEqual([]);
    expect(await queryDatabase(second.handle.url, 'SELECT note FROM kept')).toEqual([{ note: 'first run' }]);
    await second.handle.stop();
  });

  it('stops a server a killed npm start left running, but refuses one a live npm start runs', async () => {
    const orphaned = await start();
    // The npm start that started it is gone (SIGKILL): its pid file names a process that no longer exists.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    fs.writeFileSync(path.join(dir, 'npm-start.pid'), String(gone.pid));
    const next = await start();
    expect(next.lines).toEqual([`Stopping the PostgreSQL server an earlier npm start (pid ${gone.pid}) left running in ${dir}…`]);
    await expect(queryDatabase(orphaned.handle.url, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(await queryDatabase(next.handle.url, 'SELECT note FROM kept')).toEqual([{ note: 'first run' }]);

    // Another npm start (here: this test's parent process, alive) runs it now.
    fs.writeFileSync(path.join(dir, 'npm-start.pid'), String(process.ppid));
    await expect(startDevPostgres({ dir, binDir })).rejects.toThrow(
      `${dir} is in use by another npm start --store postgres (pid ${process.ppid}): stop that one first`,
    );
    expect(await queryDatabase(next.handle.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await next.handle.stop();
  });
});
