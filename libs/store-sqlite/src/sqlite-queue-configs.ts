import type { Database } from 'better-sqlite3';
import { IccError, nextQueueVersion, queueRevision, type QueueConfigChange } from '@icc/core';
import type { QueueConfig, QueueConfigRevision } from '@icc/protocol';

export interface SqliteQueueConfigs {
  /** Stores the next version (checked against `change`); run it inside a transaction. */
  save(queue: QueueConfig, change: QueueConfigChange): QueueConfig;
  remove(queueId: string, change: QueueConfigChange): QueueConfigRevision;
  list(): QueueConfig[];
  get(queueId: string, version?: number): QueueConfig | undefined;
  revisions(queueId: string): QueueConfigRevision[];
}

interface RevisionRow {
  queue_id: string;
  version: number;
  changed_at: string;
  changed_by: string;
  removed: number;
  body: string;
}

/** The `queues` (current) and `queue_versions` (every version) tables of migration 0004. */
export function createSqliteQueueConfigs(database: Database): SqliteQueueConfigs {
  const latest = database.prepare<[string], { version: number; removed: number }>(
    'SELECT version, removed FROM queue_versions WHERE queue_id = ? ORDER BY version DESC LIMIT 1',
  );
  const insertRevision = database.prepare<[string, number, string, string, number, string]>(
    'INSERT INTO queue_versions (queue_id, version, changed_at, changed_by, removed, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upsertCurrent = database.prepare<[string, string]>('INSERT INTO queues (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
  const deleteCurrent = database.prepare<[string]>('DELETE FROM queues WHERE id = ?');
  const current = database.prepare<[string], { body: string }>('SELECT body FROM queues WHERE id = ?');
  const listCurrent = database.prepare<[], { body: string }>('SELECT body FROM queues ORDER BY id');
  const version = database.prepare<[string, number], { body: string }>('SELECT body FROM queue_versions WHERE queue_id = ? AND version = ?');
  const revisions = database.prepare<[string], RevisionRow>('SELECT * FROM queue_versions WHERE queue_id = ? ORDER BY version');

  const latestOf = (queueId: string) => {
    const row = latest.get(queueId);
    return row && { version: row.version, removed: row.removed === 1 };
  };
  const insert = (revision: QueueConfigRevision) =>
    insertRevision.run(revision.queueId, revision.version, revision.changedAt, revision.changedBy, revision.removed ? 1 : 0, JSON.stringify(revision.config));

  return {
    save(queue, change) {
      const revision = queueRevision(queue, nextQueueVersion(queue.id, latestOf(queue.id), change), change, false);
      insert(revision);
      upsertCurrent.run(queue.id, JSON.stringify(revision.config));
      return revision.config;
    },
    remove(queueId, change) {
      const row = current.get(queueId);
      if (!row) throw new IccError('not_found', `Queue "${queueId}" does not exist`);
      const config = JSON.parse(row.body) as QueueConfig;
      const revision = queueRevision(config, nextQueueVersion(queueId, latestOf(queueId), change), change, true);
      insert(revision);
      deleteCurrent.run(queueId);
      return revision;
    },
    list: () => listCurrent.all().map((row) => JSON.parse(row.body) as QueueConfig),
    get(queueId, wanted) {
      const row = wanted === undefined ? current.get(queueId) : version.get(queueId, wanted);
      return row && (JSON.parse(row.body) as QueueConfig);
    },
    revisions: (queueId) =>
      revisions.all(queueId).map((row) => ({
        queueId: row.queue_id,
        version: row.version,
        changedAt: row.changed_at,
        changedBy: row.changed_by,
        removed: row.removed === 1,
        config: JSON.parse(row.body) as QueueConfig,
      })),
  };
}
