import type { SchemaMigration } from './schema-migration';

/**
 * Every version of every queue's configuration, kept for good: a callback keeps the version it
 * started with. `queues` stays the current, live version of each queue (its body now carries
 * `version`); a removed queue leaves `queues` and gets a version marked `removed`. Queues saved
 * before this migration become version 1.
 */
export const migration0004QueueConfigVersions: SchemaMigration = {
  version: 4,
  name: 'queue-config-versions',
  up(database) {
    database.exec(`
      CREATE TABLE queue_versions (
        queue_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        removed INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (queue_id, version)
      ) WITHOUT ROWID;
      UPDATE queues SET body = json_set(body, '$.version', 1);
      INSERT INTO queue_versions (queue_id, version, changed_at, changed_by, removed, body)
        SELECT id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', 0, body FROM queues;
    `);
  },
};
