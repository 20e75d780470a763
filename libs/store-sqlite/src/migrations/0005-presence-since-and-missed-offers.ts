import type { SchemaMigration } from './schema-migration';

/**
 * Presence that follows the work (issue 16): the time in state and the presence the agent chose
 * during work states. Missed and rejected offers (issue 21): a read model of
 * `interaction.offer-declined`, filled from the log here; rows written before this migration carry
 * the interaction's queue at migration time (a later transfer may have moved it).
 */
export const migration0005PresenceSinceAndMissedOffers: SchemaMigration = {
  version: 5,
  name: 'presence-since-and-missed-offers',
  up(database) {
    database.exec(`
      ALTER TABLE agents ADD COLUMN presence_since TEXT;
      ALTER TABLE agents ADD COLUMN chosen_presence TEXT;
      UPDATE agents SET presence_since = (SELECT at FROM events WHERE events.seq = agents.presence_seq) WHERE presence_seq IS NOT NULL;

      CREATE TABLE missed_offers (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        agent_id TEXT NOT NULL,
        queue_id TEXT NOT NULL,
        interaction_id TEXT NOT NULL,
        callback_id TEXT NOT NULL,
        reason TEXT NOT NULL
      );
      CREATE INDEX missed_offers_by_agent ON missed_offers (agent_id, at_ms);
      CREATE INDEX missed_offers_by_queue ON missed_offers (queue_id, at_ms);
      CREATE INDEX missed_offers_by_time ON missed_offers (at_ms);

      INSERT INTO missed_offers (seq, at, at_ms, agent_id, queue_id, interaction_id, callback_id, reason)
      SELECT events.seq, events.at, CAST(ROUND((julianday(events.at) - 2440587.5) * 86400000) AS INTEGER), events.agent_id,
             interactions.queue_id, events.interaction_id, events.callback_id, json_extract(events.body, '$.cause')
        FROM events JOIN interactions ON interactions.id = events.interaction_id
       WHERE events.type = 'interaction.offer-declined' AND json_extract(events.body, '$.cause') IN ('timeout', 'rejected');
    `);
  },
};
