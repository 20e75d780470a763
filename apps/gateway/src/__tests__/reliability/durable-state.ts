import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { createSqliteEventStore } from '@icc/store-sqlite';
import type { Callback, IccEvent, Interaction } from '@icc/protocol';

/** What the gateway's SQLite file holds: the log and the read models, as written. */
export interface DurableState {
  events: IccEvent[];
  interactions: Map<string, Interaction>;
  callbacks: Map<string, Callback>;
  /** Callback id by idempotency key. */
  callbackIdByKey: Map<string, string>;
}

const DB_FILE = 'icc.db';

function read(file: string, readonly: boolean): DurableState {
  const database = new BetterSqlite3(file, { readonly, fileMustExist: true });
  try {
    const bodies = (sql: string) => (database.prepare(sql).all() as Array<{ body: string }>).map((row) => JSON.parse(row.body) as unknown);
    const keys = database.prepare('SELECT id, idempotency_key AS key FROM callbacks WHERE idempotency_key IS NOT NULL').all() as Array<{ id: string; key: string }>;
    return {
      events: bodies('SELECT body FROM events ORDER BY seq') as IccEvent[],
      interactions: new Map((bodies('SELECT body FROM interactions') as Interaction[]).map((view) => [view.id, view])),
      callbacks: new Map((bodies('SELECT body FROM callbacks') as Callback[]).map((callback) => [callback.id, callback])),
      callbackIdByKey: new Map(keys.map((row) => [row.key, row.id])),
    };
  } finally {
    database.close();
  }
}

function copyDatabase(dataDir: string): string {
  const copyDir = mkdtempSync(join(tmpdir(), 'icc-durable-copy-'));
  for (const suffix of ['', '-wal']) {
    const source = join(dataDir, DB_FILE + suffix);
    if (existsSync(source)) copyFileSync(source, join(copyDir, DB_FILE + suffix));
  }
  return copyDir;
}

/**
 * The state a dead gateway left on disk, read from a copy of its files, so that recovering the
 * WAL is left to the gateway's own next start and not done by the test.
 */
export function readDurableStateOfDeadGateway(dataDir: string): DurableState {
  const copyDir = copyDatabase(dataDir);
  try {
    return read(join(copyDir, DB_FILE), false);
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
}

/** The state of a running gateway, through a read-only connection (WAL lets it read alongside). */
export function readDurableStateOfLiveGateway(dataDir: string): DurableState {
  return read(join(dataDir, DB_FILE), true);
}

/** Rebuilds every read model of a dead gateway's database (on a copy) from its log: they must not change. */
export async function projectionRebuildProblems(dataDir: string): Promise<string[]> {
  const copyDir = copyDatabase(dataDir);
  const store = createSqliteEventStore({ dataDir: copyDir });
  try {
    const tables = () =>
      ['interactions', 'callbacks', 'agents', 'queue_totals'].map((table) => store.database.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const incremental = tables();
    store.rebuildProjections();
    return isDeepStrictEqual(tables(), incremental) ? [] : ['the read models differ from a rebuild from the log'];
  } finally {
    await store.close();
    rmSync(copyDir, { recursive: true, force: true });
  }
}

/** How far a first start got before it died: schema migrations recorded, queues and agents seeded. */
export function readSetUpOfDeadGateway(dataDir: string): string {
  const copyDir = copyDatabase(dataDir);
  try {
    if (!existsSync(join(copyDir, DB_FILE))) return 'no database file';
    const database = new BetterSqlite3(join(copyDir, DB_FILE));
    try {
      const count = (table: string) => {
        try {
          return (database.prepare(`SELECT COUNT(*) AS count FROM ${table}`).get() as { count: number }).count;
        } catch {
          return 'no table';
        }
      };
      return `migrations ${count('schema_migrations')}, queues ${count('queues')}, agents ${count('agents')}`;
    } finally {
      database.close();
    }
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
}
