import type { SchemaMigration } from './schema-migration';

/**
 * Read-model indexes sized to the queries that run (issue 18): every index an upsert touches costs
 * B-tree work on each event.
 * - The vendor's id of an interaction becomes a column (`vendor_ref`): the expression index on the
 *   JSON body made SQLite parse the old and the new body on every upsert, since the body always changes.
 * - Queue depth (`state = 'queued'` per queue) gets a partial index over waiting interactions only, in
 *   place of one over every state: an interaction's later states no longer move entries in it.
 */
export const migration0007NarrowReadModelIndexes: SchemaMigration = {
  version: 7,
  name: 'narrow-read-model-indexes',
  up(database) {
    database.exec(`
      ALTER TABLE interactions ADD COLUMN vendor_ref TEXT;
      UPDATE interactions SET vendor_ref = json_extract(body, '$.vendorRef') WHERE json_extract(body, '$.vendorRef') IS NOT NULL;
      DROP INDEX interactions_by_vendor_ref;
      CREATE INDEX interactions_by_vendor_ref_column ON interactions (vendor_ref) WHERE vendor_ref IS NOT NULL;

      DROP INDEX interactions_waiting;
      CREATE INDEX interactions_queued ON interactions (queue_id, requested_at) WHERE state = 'queued';
    `);
  },
};
