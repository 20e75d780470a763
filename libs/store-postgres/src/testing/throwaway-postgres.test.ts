import fs from 'node:fs';
import { queryDatabase } from './test-databases';
import { startThrowawayPostgres } from './throwaway-postgres';

describe('startThrowawayPostgres', () => {
  it('runs PostgreSQL 15 from a temporary directory on a free port, and stop removes it', async () => {
    const server = await startThrowawayPostgres();
    try {
      expect(fs.existsSync(server.dir)).toBe(true);
      const [row] = await queryDatabase<{ version: string }>(server.url(), "SELECT current_setting('server_version_num') AS version");
      expect(Number(row?.version)).toBeGreaterThanOrEqual(150000);
      expect(server.url()).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
      const [settings] = await queryDatabase<{ fsync: string }>(server.url(), "SELECT current_setting('fsync') AS fsync");
      expect(settings?.fsync).toBe('off');
    } finally {
      server.stop();
    }
    expect(fs.existsSync(server.dir)).toBe(false);
    await expect(queryDatabase(server.url(), 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('keeps fsync on when durable (the benchmark), and creates plain-named databases only', async () => {
    const server = await startThrowawayPostgres({ durable: true });
    try {
      const [settings] = await queryDatabase<{ fsync: string; pages: string }>(
        server.url(),
        "SELECT current_setting('fsync') AS fsync, current_setting('full_page_writes') AS pages",
      );
      expect(settings).toEqual({ fsync: 'on', pages: 'on' });
      const url = await server.createDatabase('bench_ours');
      expect(url).toBe(server.url('bench_ours'));
      expect(await queryDatabase<{ name: string }>(url, 'SELECT current_database() AS name')).toEqual([{ name: 'bench_ours' }]);
      await expect(server.createDatabase('x; DROP DATABASE postgres')).rejects.toThrow('Not a plain database name');
    } finally {
      server.stop();
    }
  });
});
