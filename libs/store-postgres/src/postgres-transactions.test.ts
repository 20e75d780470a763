import pg from 'pg';
import { IccError } from '@icc/core';
import { inTransaction } from './postgres-transactions';
import { queryDatabase, useTestDatabases } from './testing/test-databases';

let pool: pg.Pool | undefined;
// Declared before useTestDatabases: afterAll hooks run in order, the pool must end before its database is dropped.
afterAll(() => pool?.end());
const databases = useTestDatabases();
let url: string;
beforeAll(async () => {
  url = await databases.create();
  await queryDatabase(url, 'CREATE TABLE notes (id serial PRIMARY KEY, attempt integer NOT NULL)');
  pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
});
const thePool = () => {
  if (!pool) throw new Error('no pool');
  return pool;
};

/** Writes a row, then the server raises `sqlstate` until attempt `failUntil`. */
const writeThenFail = (sqlstate: string, failUntil: number) => {
  let attempt = 0;
  const work = async (client: pg.PoolClient) => {
    attempt += 1;
    await client.query('INSERT INTO notes (attempt) VALUES ($1)', [attempt]);
    if (attempt <= failUntil) await client.query(`DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '${sqlstate}'; END $$`);
    return attempt;
  };
  return { work, attempts: () => attempt };
};

describe('inTransaction on a real server', () => {
  beforeEach(() => queryDatabase(url, 'TRUNCATE notes'));

  it.each(['40001', '40P01'])('retries after SQLSTATE %s: the rolled-back attempt leaves no row', async (sqlstate) => {
    const { work } = writeThenFail(sqlstate, 2);
    expect(await inTransaction(thePool(), { attempts: 5 }, work)).toBe(3);
    expect(await queryDatabase(url, 'SELECT attempt FROM notes')).toEqual([{ attempt: 3 }]);
  });

  it('gives up after its attempts with storage_unavailable, nothing written', async () => {
    const { work, attempts } = writeThenFail('40001', 10);
    await expect(inTransaction(thePool(), { attempts: 3 }, work)).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect(attempts()).toBe(3);
    expect(await queryDatabase(url, 'SELECT attempt FROM notes')).toEqual([]);
  });

  it('does not retry other server errors (disk full 53100) nor request errors', async () => {
    const diskFull = writeThenFail('53100', 10);
    await expect(inTransaction(thePool(), { attempts: 5 }, diskFull.work)).rejects.toThrow(/^The event store cannot write \(PostgreSQL 53100: injected\)/);
    expect(diskFull.attempts()).toBe(1);
    const refused = new IccError('validation_failed', 'no');
    await expect(inTransaction(thePool(), { attempts: 5 }, async () => Promise.reject(refused))).rejects.toBe(refused);
    expect(await queryDatabase(url, 'SELECT attempt FROM notes')).toEqual([]);
  });

  it('sends the opening statements with BEGIN in one query, each with its own result, and rolls them back with the rest', async () => {
    const sent: unknown[] = [];
    const recordQueries = (client: pg.PoolClient) => {
      const query = client.query.bind(client);
      jest.spyOn(client, 'query').mockImplementation(((text: unknown, ...rest: unknown[]) => {
        sent.push(text);
        return (query as (...args: unknown[]) => unknown)(text, ...rest);
      }) as never);
    };
    thePool().once('acquire', recordQueries);
    const opened = await inTransaction(
      thePool(),
      { attempts: 1 },
      async (_client, results) => results.map((result) => result.rows),
      'write',
      ['INSERT INTO notes (attempt) VALUES (7) RETURNING attempt', 'SELECT count(*)::int AS notes FROM notes'],
    );
    expect(opened).toEqual([[{ attempt: 7 }], [{ notes: 1 }]]);
    expect(sent[0]).toBe("BEGIN;\nINSERT INTO notes (attempt) VALUES (7) RETURNING attempt;\nSELECT count(*)::int AS notes FROM notes");
    expect(sent.slice(1)).toEqual(['COMMIT']);
    jest.restoreAllMocks();

    await expect(inTransaction(thePool(), { attempts: 1 }, async () => Promise.reject(new IccError('validation_failed', 'no')), 'write', ['INSERT INTO notes (attempt) VALUES (8)'])).rejects.toThrow('no');
    expect(await queryDatabase(url, 'SELECT attempt FROM notes')).toEqual([{ attempt: 7 }]);
  });
});
