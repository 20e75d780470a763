import type { Clock, Logger } from '@icc/core';
import { INTERACTION_STATE_TRAITS } from '@icc/protocol';
import type { GenesysCallbackBook, GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysConversation } from './genesys-schemas';

export interface ReconcilerDeps {
  book: GenesysCallbackBook;
  clock: Clock;
  logger: Logger;
  readBack(conversationId: string): Promise<GenesysConversation>;
  /** Applies a read-back snapshot on the adapter's serial queue. */
  applyFresh(conversation: GenesysConversation): Promise<unknown>;
  reconcileAfterMs: number;
  isRunning(): boolean;
}

export interface ReconcilerStats {
  /** Conversations read back because ICC may have missed a change. */
  reconciled: number;
  reconcileFailures: number;
}

export interface GenesysReconciler {
  /** Reads back every open conversation: at start, and after the notification socket was replaced. */
  everything(reason: string): Promise<void>;
  /** Reads back one conversation, e.g. after Genesys refused a command ICC thought was allowed. */
  one(record: GenesysCallbackRecord, reason: string): Promise<void>;
  /** Starts the periodic sweep of interactions waiting on Genesys without news. */
  start(): void;
  stop(): void;
  stats(): ReconcilerStats;
  /** Read-backs not applied yet. */
  inFlight(): number;
}

const READ_BACKS_IN_PARALLEL = 4;

/**
 * Catches ICC up with Genesys when notifications may have been missed. Notifications are not
 * guaranteed and a replaced socket loses whatever happened while it was down, so the current
 * conversation (`GET /api/v2/conversations/{id}`) is read back and applied like a notification:
 * the adapter's ranking drops it if a newer snapshot got there first.
 */
export function createGenesysReconciler(deps: ReconcilerDeps): GenesysReconciler {
  const stats: ReconcilerStats = { reconciled: 0, reconcileFailures: 0 };
  const inFlight = new Set<string>();
  let cancelSweep: (() => void) | undefined;

  const one = async (record: GenesysCallbackRecord, reason: string): Promise<void> => {
    const conversationId = record.conversationId;
    if (conversationId === undefined || inFlight.has(conversationId) || !deps.isRunning()) return;
    inFlight.add(conversationId);
    try {
      const conversation = await deps.readBack(conversationId);
      stats.reconciled += 1;
      if (deps.isRunning()) await deps.applyFresh(conversation);
    } catch (error) {
      stats.reconcileFailures += 1;
      deps.logger.warn({ err: error, conversationId, interactionId: record.interactionId, reason }, 'genesys: could not read a conversation back');
    } finally {
      inFlight.delete(conversationId);
    }
  };

  const all = async (records: GenesysCallbackRecord[], reason: string): Promise<void> => {
    let next = 0;
    const worker = async () => {
      while (next < records.length) await one(records[next++] as GenesysCallbackRecord, reason);
    };
    await Promise.all(Array.from({ length: Math.min(READ_BACKS_IN_PARALLEL, records.length) }, worker));
  };

  const open = () => deps.book.all().filter((record) => record.view !== undefined && record.view.state !== 'closed');

  const isOverdue = (record: GenesysCallbackRecord, now: number): boolean => {
    const view = record.view;
    if (!view || !(INTERACTION_STATE_TRAITS[view.state].awaitsVendor || record.agentDialPending)) return false;
    if (now - (record.lastSnapshotAt ?? 0) < deps.reconcileAfterMs) return false;
    if (view.state === 'offered') return view.offerExpiresAt === undefined || Date.parse(view.offerExpiresAt) <= now;
    if (view.state === 'retry-wait') return view.nextRetryAt === undefined || Date.parse(view.nextRetryAt) + deps.reconcileAfterMs <= now;
    return true;
  };

  const sweep = () => {
    cancelSweep = deps.clock.setTimer(deps.clock.now() + deps.reconcileAfterMs, () => {
      cancelSweep = undefined;
      if (!deps.isRunning()) return;
      const now = deps.clock.now();
      const overdue = open().filter((record) => isOverdue(record, now));
      void all(overdue, 'no notification while waiting on Genesys').finally(() => {
        if (deps.isRunning() && cancelSweep === undefined) sweep();
      });
    });
  };

  return {
    everything: (reason) => all(open(), reason),
    one,
    start: () => {
      if (cancelSweep === undefined) sweep();
    },
    stop: () => {
      cancelSweep?.();
      cancelSweep = undefined;
    },
    stats: () => ({ ...stats }),
    inFlight: () => inFlight.size,
  };
}
