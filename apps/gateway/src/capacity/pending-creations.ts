import { comparableNumbers, type ScheduledStart } from '@icc/core';

/** A callback checked and allowed by the booking whose append is not durable yet. */
export interface PendingCreation {
  callbackId: string;
  phoneNumbers: readonly string[];
  /** Epoch ms of its scheduled start, when it is scheduled. */
  start?: number;
}

/** Ends a pending creation: call it once its append is durable, or has failed. */
export type ReleaseHold = () => void;

export interface HeldCreation {
  callbackId: string;
  /** As `comparableNumber` gives them, like the store's open-callback index; normalized on first use (queues that allow duplicates never ask). */
  numbers(): ReadonlySet<string>;
  start?: number;
  ended: Promise<void>;
}

/**
 * The creations of each queue between their booking check and their durable append, so that the
 * checks of the requests after them count them before the store does. Callers pass the ids the
 * store already lists, so that a creation stored but not yet released is not counted twice.
 */
export interface PendingCreations {
  hold(queueId: string, creation: PendingCreation): ReleaseHold;
  /** The pending creations of the queue sharing a number with `phoneNumbers` (compared in E.164), except `stored`. */
  withSameNumber(queueId: string, phoneNumbers: readonly string[], stored: ReadonlySet<string>): readonly HeldCreation[];
  /** The scheduled starts of the queue's pending creations, except `stored`. */
  scheduledStarts(queueId: string, stored: ReadonlySet<string>): ScheduledStart[];
  /** Resolves once every one of `creations` has been released. */
  ended(creations: readonly HeldCreation[]): Promise<void>;
}

export function createPendingCreations(): PendingCreations {
  const byQueue = new Map<string, Map<string, HeldCreation>>();
  const pendingOf = (queueId: string, stored: ReadonlySet<string>): HeldCreation[] =>
    [...(byQueue.get(queueId)?.values() ?? [])].filter((held) => !stored.has(held.callbackId));

  return {
    hold(queueId, { callbackId, phoneNumbers, start }) {
      let end: () => void = () => undefined;
      const ended = new Promise<void>((resolve) => (end = resolve));
      let numbers: ReadonlySet<string> | undefined;
      const held: HeldCreation = {
        callbackId,
        numbers: () => (numbers ??= new Set(comparableNumbers(phoneNumbers))),
        ...(start === undefined ? {} : { start }),
        ended,
      };
      const ofQueue = byQueue.get(queueId) ?? new Map<string, HeldCreation>();
      byQueue.set(queueId, ofQueue.set(callbackId, held));
      return () => {
        if (ofQueue.get(callbackId) !== held) return;
        ofQueue.delete(callbackId);
        if (ofQueue.size === 0 && byQueue.get(queueId) === ofQueue) byQueue.delete(queueId);
        end();
      };
    },
    withSameNumber(queueId, phoneNumbers, stored) {
      const pending = pendingOf(queueId, stored);
      if (pending.length === 0) return pending;
      const numbers = comparableNumbers(phoneNumbers);
      return pending.filter((held) => numbers.some((number) => held.numbers().has(number)));
    },
    scheduledStarts(queueId, stored) {
      return pendingOf(queueId, stored).flatMap(({ callbackId, start }) => (start === undefined ? [] : [{ callbackId, startMs: start }]));
    },
    async ended(creations) {
      await Promise.all(creations.map((held) => held.ended));
    },
  };
}
