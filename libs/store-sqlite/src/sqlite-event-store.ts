import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import {
  comparableNumbers,
  encodeCallbackPageCursor,
  IccError,
  projectEventBatch,
  withPresence,
  type AgentDefinition,
  type EventStore,
  type QueueConfigChange,
} from '@icc/core';
import type { IccEvent, QueueConfig } from '@icc/protocol';
import { createWalCheckpointer } from './durability/wal-checkpointer';
import { openWalSync, type WalSync } from './durability/wal-sync';
import { createGroupCommit } from './group-commit';
import { createListCallbacksStatement } from './list-callbacks-statement';
import { createListInteractionsStatement } from './list-interactions-statement';
import { openSqliteDatabase } from './open-sqlite-database';
import { rebuildProjections } from './rebuild-projections';
import { createSqliteProjectionCache, toAgentPresence } from './sqlite-projection-cache';
import { createSqliteMissedOffers } from './sqlite-missed-offers';
import { createSqliteQueueConfigs } from './sqlite-queue-configs';
import { createSqliteQueueStats } from './sqlite-queue-stats';
import { prepareSqliteStatements } from './sqlite-statements';
import { createSqliteWebhookDeliveries } from './sqlite-webhook-deliveries';
import { createSqliteWebhookSubscriptions } from './sqlite-webhook-subscriptions';
import { isStorageFailure, toStorageUnavailable } from './storage-unavailable-error';
import { createProjectionRows } from './projection-rows';

export interface SqliteEventStoreOptions {
  /** Directory of the database file, created if missing. Default `./data` (the gateway passes `ICC_DATA_DIR`). */
  dataDir?: string;
  /** Default `icc.db`. */
  fileName?: string;
  /** Appends arriving within this many ms share one transaction. Default 0: those of the same tick. */
  groupCommitMs?: number;
  /** Parsed interactions and callbacks kept in memory (each). Default 10,000. */
  cacheSize?: number;
  /**
   * Callback numbers reserved durably at a time, then handed out from memory without a commit
   * each. A crash skips what was left of the block (never reuses it); a clean close gives it back.
   * Default 1,000.
   */
  callbackNumberBlock?: number;
  /**
   * Length of the log (`-wal` file), in frames of one page, from which it is written from its start
   * again once checkpointed (`durability/wal-checkpointer.ts`). Default 4,096 (16 MB).
   */
  logRestartFrames?: number;
}

export interface SqliteEventStoreStats {
  /** Transactions committed by group commit (one per group of appends / number reservations). */
  commits: number;
  /** fsyncs of the log, off the event loop: one acknowledges every group committed before it. */
  syncs: number;
  /** Checkpoints run by the checkpoint thread. */
  checkpoints: number;
  /** Times the log was checkpointed to its end under a pause of commits, so the next commit wrote it from its start again. */
  logRestarts: number;
  /** Statement runs that wrote the log and read-model rows of appends (several rows each). */
  rowStatementRuns: number;
}

export interface SqliteEventStore extends EventStore {
  /** Absolute path of the database file. */
  readonly filePath: string;
  /** The connection, for backups and diagnostics; writing through it bypasses the store. */
  readonly database: Database;
  stats(): SqliteEventStoreStats;
  /**
   * Calls `listener` with the seconds each sync of the log took (the `fdatasync` that acknowledges
   * the appends committed before it: the disk's share of an append's latency, plus the event loop's delay in
   * running its completion, which on a busy process can be most of it). Returns the unsubscribe.
   */
  onLogSynced(listener: (seconds: number) => void): () => void;
  /** Size of the log file (`<filePath>-wal`) now, in bytes; 0 once the store is closed (its last checkpoint removes the file). */
  logFileBytes(): number;
  /** Recomputes every read model from the log; they must equal the incremental ones. */
  rebuildProjections(): void;
}

const CALLBACK_NUMBER = 'callback_number';

/** The embedded, durable `EventStore`: one SQLite file in WAL mode, read models in step with the log. */
export function createSqliteEventStore(options: SqliteEventStoreOptions = {}): SqliteEventStore {
  const { database, filePath } = openSqliteDatabase(options.dataDir, options.fileName);
  const walSync = openLogOrClose(database, filePath);
  const checkpointer = createWalCheckpointer(filePath, {
    pauseCommits: () => groupCommit.pause(),
    ...(options.logRestartFrames === undefined ? {} : { restartAtFrames: options.logRestartFrames }),
  });
  const logSyncListeners = new Set<(seconds: number) => void>();
  const syncCommitted = async () => {
    const started = performance.now();
    await walSync.sync();
    const seconds = (performance.now() - started) / 1000;
    for (const listener of logSyncListeners) {
      try {
        listener(seconds);
      } catch {
        // An observer's failure is not the disk's: it must not fail the appends this sync acknowledges.
      }
    }
    checkpointer.request();
  };
  const statements = prepareSqliteStatements(database);
  const cache = createSqliteProjectionCache(statements, options.cacheSize ?? 10_000);
  const listCallbackRows = createListCallbacksStatement(database);
  const listInteractionRows = createListInteractionsStatement(database);
  const queueStats = createSqliteQueueStats(database);
  const missedOffers = createSqliteMissedOffers(database);
  const webhookDeliveries = createSqliteWebhookDeliveries(database);
  const queueConfigs = createSqliteQueueConfigs(database);
  const projectionRows = createProjectionRows(database);
  let headSeq = statements.headSeq.get()?.head ?? 0;
  let pendingHeadSeq = headSeq;
  let closed = false;
  let closing: Promise<void> | undefined;
  const numberBlock = Math.max(1, options.callbackNumberBlock ?? 1_000);
  /** Numbers up to `reservedNumbers` are durably reserved; `lastNumber` is the last one handed out. */
  let lastNumber = statements.counterValue.get(CALLBACK_NUMBER)?.value ?? 0;
  let reservedNumbers = lastNumber;
  let reserving: Promise<void> | undefined;

  const groupCommit = createGroupCommit(
    database,
    statements,
    {
      committed() {
        cache.commitStaged();
        headSeq = pendingHeadSeq;
      },
      aborted() {
        cache.dropStaged();
        projectionRows.clear();
        pendingHeadSeq = headSeq;
      },
      writeStaged: () => projectionRows.write(),
    },
    options.groupCommitMs ?? 0,
    syncCommitted,
  );

  /** On a clean close, the next open carries on right after the last number handed out. */
  const giveBackUnusedNumbers = () => {
    if (reservedNumbers === lastNumber) return;
    try {
      statements.setCounter.run(lastNumber, CALLBACK_NUMBER);
    } catch {
      // the block stays reserved: its unused numbers are skipped, which is allowed
    }
  };

  const assertOpen = () => {
    if (closed) throw new IccError('shutting_down', 'The event store is closed');
  };

  let savedQueues: QueueConfig[] | undefined;
  /** Configuration writes are rare: their own transaction, outside group commit, acknowledged once synced. */
  const writeNow = async <Result>(write: () => Result): Promise<Result> => {
    assertOpen();
    let result: Result;
    try {
      result = database.transaction(write)();
    } catch (error) {
      throw isStorageFailure(error) ? toStorageUnavailable(error) : error;
    }
    await groupCommit.durable();
    return result;
  };

  return {
    filePath,
    database,

    async append(events) {
      assertOpen();
      if (events.length === 0) return [];
      return groupCommit.enqueue(
        (batched) => {
          const batch = projectEventBatch(cache, events, pendingHeadSeq + 1);
          projectionRows.add(batch, (id) => cache.interaction(id), { withEvents: true });
          // Batched, the group's rows are written together before COMMIT; otherwise now, inside this write's savepoint.
          if (!batched) projectionRows.write();
          cache.stage(batch);
          pendingHeadSeq += batch.events.length;
          return batch.events;
        },
        { staged: true },
      );
    },
    headSeq: () => headSeq,
    readAfter: (afterSeq, limit) =>
      statements.readAfter.all(Math.max(0, afterSeq), Math.max(0, limit)).map((row) => JSON.parse(row.body) as IccEvent),
    readInteraction: (interactionId) =>
      statements.readInteraction.all(interactionId).map((row) => JSON.parse(row.body) as IccEvent),

    getInteraction: (interactionId) => cache.interaction(interactionId),
    listInteractions: (query) => listInteractionRows(query).map(cache.interactionFromRow),
    openInteractions: () => statements.openInteractions.all().map(cache.interactionFromRow),

    getCallback(idOrNumber) {
      const byId = cache.callback(idOrNumber);
      if (byId) return byId;
      const id = cache.callbackIdByNumber(idOrNumber);
      return id === undefined ? undefined : cache.callback(id);
    },
    findCallbackByIdempotencyKey(key) {
      const record = cache.idempotencyRecord(key);
      const callback = record && cache.callback(record.callbackId);
      return callback && record ? { callback, requestHash: record.requestHash } : undefined;
    },
    listCallbacks(query) {
      const rows = listCallbackRows(query, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(cache.callbackFromRow),
        nextCursor:
          rows.length > query.limit && last ? encodeCallbackPageCursor({ requestedAtMs: last.requested_at, callbackId: last.id }) : null,
      };
    },
    openCallbacksWithNumbers: (queueId, phoneNumbers) =>
      statements.openCallbacksWithNumbers.all(queueId, JSON.stringify(comparableNumbers(phoneNumbers))).map(cache.callbackFromRow),
    scheduledStartsOfQueue: (queueId) => statements.scheduledStartsOfQueue.all(queueId),
    async nextCallbackNumber() {
      assertOpen();
      while (lastNumber >= reservedNumbers) {
        // One reservation at a time, riding along with the appends of the same group commit.
        reserving ??= groupCommit
          .enqueue(() => {
            const upTo = reservedNumbers + numberBlock;
            statements.setCounter.run(upTo, CALLBACK_NUMBER);
            return upTo;
          })
          .then(
            (upTo) => {
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

    queueStats,
    missedOffers,

    async saveQueue(queue: QueueConfig, change: QueueConfigChange = {}) {
      savedQueues = undefined;
      return writeNow(() => queueConfigs.save(queue, change));
    },
    async removeQueue(queueId, change) {
      savedQueues = undefined;
      return writeNow(() => queueConfigs.remove(queueId, change));
    },
    // Every request and command checks its queue: the list is parsed once per change, not per call.
    listQueues: () => [...(savedQueues ??= queueConfigs.list())],
    getQueue: (queueId, version) =>
      version === undefined ? (savedQueues ??= queueConfigs.list()).find((queue) => queue.id === queueId) : queueConfigs.get(queueId, version),
    listQueueRevisions: (queueId) => queueConfigs.revisions(queueId),
    async saveAgent(agent: AgentDefinition) {
      await writeNow(() => statements.upsertAgentDefinition.run(agent.id, JSON.stringify(agent)));
    },
    listAgents: () =>
      statements.listAgents.all().map((row) => withPresence(JSON.parse(row.definition) as AgentDefinition, toAgentPresence(row))),

    getAgent(agentId) {
      const row = statements.agentById.get(agentId);
      return row && withPresence(JSON.parse(row.definition) as AgentDefinition, toAgentPresence(row));
    },

    hasWebhookDelivery: (vendor, deliveryId, nowMs) => webhookDeliveries.has(vendor, deliveryId, nowMs),
    async recordWebhookDelivery(delivery, nowMs) {
      assertOpen();
      // Rides along with the appends of the same group commit: durable when it resolves.
      return groupCommit.enqueue(() => webhookDeliveries.write(delivery, nowMs));
    },
    webhookSubscriptions: createSqliteWebhookSubscriptions(database, (write) => {
      assertOpen();
      return groupCommit.enqueue(write);
    }),

    logFileBytes: () => walSync.bytes(),
    onLogSynced(listener) {
      logSyncListeners.add(listener);
      return () => logSyncListeners.delete(listener);
    },
    stats: () => ({
      commits: groupCommit.commits(),
      syncs: groupCommit.syncs(),
      checkpoints: checkpointer.checkpoints(),
      logRestarts: checkpointer.restarts(),
      rowStatementRuns: projectionRows.statementRuns(),
    }),
    rebuildProjections() {
      assertOpen();
      try {
        rebuildProjections(database, statements, cache, projectionRows);
      } catch (error) {
        throw isStorageFailure(error) ? toStorageUnavailable(error, 'rebuild its projections') : error;
      }
    },

    close() {
      closed = true;
      return (closing ??= (async () => {
        groupCommit.flush();
        await groupCommit.durable().catch(() => undefined);
        giveBackUnusedNumbers();
        await checkpointer.close();
        walSync.close();
        // The last connection out checkpoints the log and removes it: NORMAL makes that checkpoint sync the database file first.
        database.pragma('synchronous = NORMAL');
        database.close();
      })());
    },
  };
}

/** The log must be there to be synced (WAL mode took); otherwise the store does not open. */
function openLogOrClose(database: Database, filePath: string): WalSync {
  try {
    return openWalSync(filePath);
  } catch (error) {
    database.close();
    throw toStorageUnavailable(error, `open the log of ${filePath}`);
  }
}
