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
    } finally {
      server.stop();
    }
    expect(fs.existsSync(server.dir)).toBe(false);
    await expect(queryDatabase(server.url(), 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
