import pg, { type Pool } from 'pg';
import { IccError, nextQueueVersion, queueRevision, withPresence, type AgentDefinition, type AsyncEventStore, type Lease, type LeaseStore, type QueueConfigChange } from '@icc/core';
import type { Callback, IccEvent, Interaction, NewIccEvent, QueueConfig, QueueConfigRevision } from '@icc/protocol';
import { runPostgresMigrations } from './migrations/run-postgres-migrations';
import { connectPostgres } from './connect-postgres';
import { listCallbackPage, listInteractionRows, missedOffers, queueStats } from './postgres-read-models';
import { openCallbacksWithNumbers, scheduledStartsOfQueue } from './postgres-open-callbacks';
import { toAgentPresence, type AgentPresenceRow } from './postgres-projected-batch';
import { createPostgresAppends } from './postgres-appends';
import { createPostgresWebhookDeliveries } from './postgres-webhook-deliveries';
import { isStorageFailure, toStorageUnavailable } from './postgres-errors';
import { inTransaction } from './postgres-transactions';
import { createPostgresWebhookSubscriptions } from './postgres-webhook-subscriptions';
import { createPostgresLeases } from './postgres-leases';
import { createPostgresExclusive, type Exclusive } from './postgres-exclusive';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:5432/database` (the gateway will pass `ICC_STORE`). */
  url: string;
  /** Connections in the pool. Default 10: appends take one at a time, reads share the rest. */
  poolSize?: number;
  /** Server-side limit per statement (ms), so a stuck query fails instead of holding a connection. Default 30,000. */
  statementTimeoutMs?: number;
  /**
   * The server ends a session idle inside a transaction this long (ms), releasing its locks: a
   * gateway paused mid-append (SIGSTOP, a partition) must not hold the append lock and its lease row
   * while another gateway takes over. Appends are short. Default 5,000.
   */
  idleInTransactionTimeoutMs?: number;
  /** How long to wait for a connection (ms), at open and from the pool. Default 5,000. */
  connectTimeoutMs?: number;
  /** Attempts per transaction, retries on serialization failures, deadlocks and lost connections included. Default 5. */
  transactionAttempts?: number;
  /** Callback numbers reserved per round trip, handed out from memory. Default 100. */
  callbackNumberBlock?: number;
}

const QUEUE_LOCK_CLASS = 0x1cc0_0003;
const CALLBACK_NUMBER = 'callback_number';

/** bigint (int8, OID 20) as a JS number: seqs and epoch ms stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type PostgresEventStore = AsyncEventStore & {
  /** Who runs which queue's ACD across gateways (issue 20), in the same database as the log. */
  readonly leases: LeaseStore;
  /** `append`, refused with `LeaseLostError` (nothing written) unless `fence` is live with its token when the events commit. */
  appendFenced(events: readonly NewIccEvent[], fence: Lease): Promise<IccEvent[]>;
  /** Work that one caller across every gateway runs at a time (a queue's booking check and its write). */
  readonly exclusive: Exclusive;
  /** `commits`: append transactions committed (concurrent appends share one: group commit). */
  stats(): { commits: number };
};

/** Opens the pool, checks the server (reachable, version 15+, privileges) and migrates once under an advisory lock. */
export async function openPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const pool = await connectPostgres(
    {
      connectionString: options.url,
      max: options.poolSize ?? 10,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 5_000,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      types,
    },
    options.url,
    runPostgresMigrations,
  );
  return createPostgresEventStore(pool, options);
}

function createPostgresEventStore(pool: Pool, options: PostgresEventStoreOptions): PostgresEventStore {
  const attempts = { attempts: options.transactionAttempts ?? 5 };
  const numberBlock = Math.max(1, options.callbackNumberBlock ?? 100);
  let closed = false;
  let lastNumber = 0;
  let reservedNumbers = 0;
  let reserving: Promise<void> | undefined;

  const assertOpen = () => {
    if (closed) throw new IccError('shutting_down', 'The event store is closed');
  };
  const read = async <Result>(reading: () => Promise<Result>): Promise<Result> => {
    assertOpen();
    try {
      return await reading();
    } catch (error) {
      throw isStorageFailure(error) ? toStorageUnavailable(error, 'read') : error;
    }
  };
  const bodies = async <Body>(sql: string, params: unknown[]) => (await pool.query<{ body: Body }>(sql, params)).rows.map((row) => row.body);
  const agentRow = 'SELECT definition, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents';
  const toAgent = (row: { definition: AgentDefinition } & AgentPresenceRow) => withPresence(row.definition, toAgentPresence(row));

  const latestQueueVersion = async (client: pg.PoolClient, queueId: string) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [QUEUE_LOCK_CLASS, queueId]);
    const { rows } = await client.query<{ version: number; removed: boolean }>(
      'SELECT version, removed FROM queue_versions WHERE queue_id = $1 ORDER BY version DESC LIMIT 1',
      [queueId],
    );
    return rows[0];
  };
  const insertRevision = (client: pg.PoolClient, revision: QueueConfigRevision) =>
    client.query('INSERT INTO queue_versions (queue_id, version, changed_at, changed_by, removed, body) VALUES ($1, $2, $3, $4, $5, $6)', [
      revision.queueId,
      revision.version,
      revision.changedAt,
      revision.changedBy,
      revision.removed,
      JSON.stringify(revision.config),
    ]);

  const appends = createPostgresAppends(pool, attempts);
  const webhookDeliveries = createPostgresWebhookDeliveries(pool, attempts);
  const appendUnder = async (events: readonly NewIccEvent[], fence?: Lease): Promise<IccEvent[]> => {
    assertOpen();
    return appends.append(events, fence);
  };

  return {
    append: (events) => appendUnder(events),
    appendFenced: (events, fence) => appendUnder(events, fence),
    leases: createPostgresLeases(pool, attempts),
    exclusive: createPostgresExclusive(pool),
    stats: () => ({ commits: appends.transactions() }),
    headSeq: () => read(async () => (await pool.query<{ head: number }>('SELECT COALESCE(MAX(seq), 0)::bigint AS head FROM events')).rows[0]?.head ?? 0),
    readAfter: (afterSeq, limit) =>
      read(() => bodies<IccEvent>('SELECT body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [Math.max(0, afterSeq), Math.max(0, limit)])),
    readInteraction: (interactionId) => read(() => bodies<IccEvent>('SELECT body FROM events WHERE interaction_id = $1 ORDER BY seq', [interactionId])),

    getInteraction: (interactionId) => read(async () => (await bodies<Interaction>('SELECT body FROM interactions WHERE id = $1', [interactionId]))[0]),
    listInteractions: (query) => read(() => listInteractionRows(pool, query)),
    openInteractions: () => read(() => bodies<Interaction>("SELECT body FROM interactions WHERE state <> 'closed' ORDER BY requested_at, id", [])),

    getCallback: (idOrNumber) =>
      read(async () => (await bodies<Callback>('SELECT body FROM callbacks WHERE id = $1 OR number = $1 ORDER BY (id = $1) DESC LIMIT 1', [idOrNumber]))[0]),
    findCallbackByIdempotencyKey: (key) =>
      read(async () => {
        const { rows } = await pool.query<{ body: Callback; request_hash: string | null }>('SELECT body, request_hash FROM callbacks WHERE idempotency_key = $1', [key]);
        const row = rows[0];
        return row && { callback: row.body, requestHash: row.request_hash ?? '' };
      }),
    listCallbacks: (query) => read(() => listCallbackPage(pool, query)),
    openCallbacksWithNumbers: (queueId, phoneNumbers) => read(() => openCallbacksWithNumbers(pool, queueId, phoneNumbers)),
    scheduledStartsOfQueue: (queueId) => read(() => scheduledStartsOfQueue(pool, queueId)),
    async nextCallbackNumber() {
      assertOpen();
      while (lastNumber >= reservedNumbers) {
        // One block at a time per instance; blocks of different instances never overlap.
        reserving ??= inTransaction(pool, attempts, async (client) => {
          const { rows } = await client.query<{ value: number }>('UPDATE counters SET value = value + $1 WHERE name = $2 RETURNING value', [numberBlock, CALLBACK_NUMBER]);
          return rows[0]?.value ?? 0;
        }).then(
          (upTo) => {
            lastNumber = upTo - numberBlock;
            reservedNumbers = upTo;
            reserving = undefined;
          },
          (error: unknown) => {
            reserving = undefined;
            throw error;
          },
        );
        await reserving;
      }
      lastNumber += 1;
      return lastNumber;
    },

    queueStats: (now) => read(() => queueStats(pool, now)),
    missedOffers: (filter) => read(() => missedOffers(pool, filter)),

    async saveQueue(queue: QueueConfig, change: QueueConfigChange = {}) {
      assertOpen();
      return inTransaction(pool, attempts, async (client) => {
        const revision = queueRevision(queue, nextQueueVersion(queue.id, await latestQueueVersion(client, queue.id), change), change, false);
        await insertRevision(client, revision);
        await client.query('INSERT INTO queues (id, body) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET body = excluded.body', [queue.id, JSON.stringify(revision.config)]);
        return revision.config;
      });
    },
    async removeQueue(queueId, change) {
      assertOpen();
      return inTransaction(pool, attempts, async (client) => {
        const latest = await latestQueueVersion(client, queueId);
        const { rows } = await client.query<{ body: QueueConfig }>('SELECT body FROM queues WHERE id = $1', [queueId]);
        const current = rows[0];
        if (!current) throw new IccError('not_found', `Queue "${queueId}" does not exist`);
        const revision = queueRevision(current.body, nextQueueVersion(queueId, latest, change), change, true);
        await insertRevision(client, revision);
        await client.query('DELETE FROM queues WHERE id = $1', [queueId]);
        return revision;
      });
    },
    listQueues: () => read(() => bodies<QueueConfig>('SELECT body FROM queues ORDER BY id', [])),
    getQueue: (queueId, version) =>
      read(async () =>
        version === undefined
          ? (await bodies<QueueConfig>('SELECT body FROM queues WHERE id = $1', [queueId]))[0]
          : (await bodies<QueueConfig>('SELECT body FROM queue_versions WHERE queue_id = $1 AND version = $2', [queueId, version]))[0],
      ),
    listQueueRevisions: (queueId) =>
      read(async () => {
        const { rows } = await pool.query<{ version: number; changed_at: string; changed_by: string; removed: boolean; body: QueueConfig }>(
          'SELECT version, changed_at, changed_by, removed, body FROM queue_versions WHERE queue_id = $1 ORDER BY version',
          [queueId],
        );
        return rows.map((row) => ({ queueId, version: row.version, changedAt: row.changed_at, changedBy: row.changed_by, removed: row.removed, config: row.body }));
      }),
    async saveAgent(agent: AgentDefinition) {
      assertOpen();
      await inTransaction(pool, attempts, (client) =>
        client.query('INSERT INTO agents (id, definition) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition', [agent.id, JSON.stringify(agent)]),
      );
    },
    listAgents: () =>
      read(async () => (await pool.query<{ definition: AgentDefinition } & AgentPresenceRow>(`${agentRow} WHERE definition IS NOT NULL ORDER BY id`)).rows.map(toAgent)),
    getAgent: (agentId) =>
      read(async () => {
        const row = (await pool.query<{ definition: AgentDefinition } & AgentPresenceRow>(`${agentRow} WHERE id = $1 AND definition IS NOT NULL`, [agentId])).rows[0];
        return row && toAgent(row);
      }),

    hasWebhookDelivery: (vendor, deliveryId, nowMs) =>
      read(async () => (await pool.query('SELECT 1 FROM webhook_deliveries WHERE vendor = $1 AND delivery_id = $2 AND expires_at > $3', [vendor, deliveryId, nowMs])).rowCount === 1),
    async recordWebhookDelivery(delivery, nowMs) {
      assertOpen();
      await webhookDeliveries.record(delivery, nowMs);
    },

    webhookSubscriptions: createPostgresWebhookSubscriptions({
      pool,
      read,
      write: async (work) => {
        assertOpen();
        return inTransaction(pool, attempts, work);
      },
    }),

    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([appends.settled(), webhookDeliveries.settled()]);
      await reserving?.catch(() => undefined);
      // Give the rest of the block back only if no other instance reserved after it.
      if (reservedNumbers > lastNumber) {
        await pool
          .query('UPDATE counters SET value = $1 WHERE name = $2 AND value = $3', [lastNumber, CALLBACK_NUMBER, reservedNumbers])
          .catch(() => undefined);
      }
      await pool.end();
    },
  };
}
