import type { Pool } from 'pg';
import type { Lease } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import { isConstraintViolation } from './postgres-errors';
import { assertLeaseFound, leaseHeldStatement } from './postgres-leases';
import { EVENTS_CHANNEL } from './postgres-log-tail';
import { groupReads } from './postgres-group-reads';
import { writeProjectedBatch } from './postgres-projected-batch';
import { inTransaction, type TransactionOptions } from './postgres-transactions';
import { createWriteGroups } from './postgres-write-groups';

/** Transaction-level advisory lock held by every append until it commits: sequence allocation order = commit order. */
export const APPEND_LOCK_KEY = 0x1cc0_0002;

/** Appends in one transaction at most: bounds the statements' arrays and a retry's work. */
const MAX_GROUP = 256;

export interface PostgresAppends {
  append(events: readonly NewIccEvent[], fence?: Lease): Promise<IccEvent[]>;
  /** Resolves once every append called so far has settled. */
  settled(): Promise<void>;
  /** Append transactions committed: fewer than appends when they were grouped. */
  transactions(): number;
}

interface WaitingAppend {
  events: readonly NewIccEvent[];
  fence: Lease | undefined;
  resolve(events: IccEvent[]): void;
  reject(error: unknown): void;
}

const sameFence = (a: Lease | undefined, b: Lease | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.name === b.name && a.holder === b.holder && a.token === b.token);

/**
 * Group commit for PostgreSQL. Appends run one transaction at a time per instance (the advisory
 * lock orders them with other instances); the appends that arrive while one commits wait, and then
 * share the next transaction and its COMMIT: one round of reads, one write statement (multi-row,
 * every table), one fsync for all of them. Each is folded as if appended alone (`projectAppendGroup`), so one the
 * fold refuses rejects alone. A group holds appends under one fence (or none), in call order.
 */
export function createPostgresAppends(pool: Pool, attempts: TransactionOptions): PostgresAppends {
  let transactions = 0;

  /** The appends at the front under one fence (or none), at most MAX_GROUP. */
  const takeGroup = (waiting: WaitingAppend[]): WaitingAppend[] => {
    const fence = waiting[0]?.fence;
    let size = 0;
    while (size < waiting.length && size < MAX_GROUP && sameFence(waiting[size]?.fence, fence)) size += 1;
    return waiting.splice(0, size);
  };

  async function commitGroup(group: WaitingAppend[]): Promise<void> {
    try {
      const outcomes = await writeGroup(group);
      group.forEach((append, index) => {
        const outcome = outcomes[index];
        if (outcome?.ok) append.resolve(outcome.events);
        else append.reject(outcome?.error);
      });
    } catch (error) {
      // A row the fold accepted broke a constraint: find whose, one append per transaction.
      if (group.length > 1 && isConstraintViolation(error)) {
        for (const append of group) await commitGroup([append]);
        return;
      }
      group.forEach((append) => append.reject(error));
    }
  }

  const writeGroup = (group: WaitingAppend[]) => {
    const fence = group[0]?.fence;
    const reads = groupReads(group.map((append) => append.events));
    // One round trip before the write: BEGIN, the fence's check, the lock, the head, the reads. Each
    // statement after the lock's has a snapshot of its own, taken once the lock is granted: it sees
    // every append committed before.
    const opening = [
      ...(fence ? [leaseHeldStatement(fence)] : []),
      // Held to COMMIT: the next append reads the head only after this one is visible, so
      // readers never see seq N+1 while N is still uncommitted.
      `SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`,
      'SELECT COALESCE(MAX(seq), 0)::bigint AS head FROM events',
      ...reads.statements,
    ];
    return inTransaction(
      pool,
      attempts,
      async (client, opened) => {
        if (fence) assertLeaseFound(opened[0], fence);
        const afterLock = opened.slice(fence ? 2 : 1);
        const head = afterLock[0]?.rows[0] as { head: number } | undefined;
        const { batch, outcomes, previous } = reads.fold(afterLock.slice(1), (head?.head ?? 0) + 1);
        const last = batch.events[batch.events.length - 1];
        if (last) {
          // The NOTIFY is delivered at COMMIT: it wakes every gateway's log tail (postgres-log-tail.ts).
          await writeProjectedBatch(client, batch, previous, { channel: EVENTS_CHANNEL, payload: String(last.seq) });
        }
        return outcomes;
      },
      'write',
      opening,
    ).then((outcomes) => {
      transactions += 1;
      return outcomes;
    });
  };

  const groups = createWriteGroups(takeGroup, commitGroup);

  return {
    append(events, fence) {
      if (events.length === 0) return Promise.resolve([]);
      return new Promise<IccEvent[]>((resolve, reject) => groups.add({ events, fence, resolve, reject }));
    },
    settled: () => groups.settled(),
    transactions: () => transactions,
  };
}
