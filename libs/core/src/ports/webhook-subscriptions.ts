import type { OutboundEventType } from '@icc/protocol';

/** A subscription as stored: with its signing secret and its cursor in the event log. */
export interface StoredWebhookSubscription {
  id: string;
  url: string;
  eventTypes: OutboundEventType[];
  description?: string;
  createdAt: string;
  secret: string;
  /** Every event with `seq <= cursorSeq` was examined and, when it matched, is in the outbox. */
  cursorSeq: number;
}

/** One event to deliver to one subscription. `orderKey` (callback id, or `agent:<id>`) orders deliveries. */
export interface OutboxEntry {
  seq: number;
  eventType: OutboundEventType;
  orderKey: string;
}

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

export interface OutboxDelivery extends OutboxEntry {
  subscriptionId: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms before which a pending delivery is not tried again. */
  nextAttemptAtMs: number;
  lastError?: string;
}

export interface OutboxCounts {
  pending: number;
  delivered: number;
  dead: number;
}

/**
 * Outgoing webhook subscriptions and their durable outbox. The outbox is filled from the event log with
 * `enqueue`, which moves the subscription's cursor in the same durable write: an event is either examined
 * and in the outbox, or will be examined again after a crash. Every write resolves once durable.
 */
export interface WebhookSubscriptionStore {
  create(subscription: StoredWebhookSubscription): Promise<void>;
  list(): StoredWebhookSubscription[];
  get(id: string): StoredWebhookSubscription | undefined;
  /** Resolves false when there was no such subscription. Its outbox goes with it. */
  remove(id: string): Promise<boolean>;
  /** Adds the entries (pending, due now) and moves the cursor to `cursorSeq`. */
  enqueue(subscriptionId: string, entries: readonly OutboxEntry[], cursorSeq: number): Promise<void>;
  /**
   * What to send next: per order key, its oldest pending delivery, when due at `nowMs`; a key whose oldest
   * pending delivery is not due yet yields nothing (its later events wait). Oldest first, at most `limit`.
   */
  due(subscriptionId: string, nowMs: number, limit: number): OutboxDelivery[];
  /** The earliest `nextAttemptAtMs` among the pending deliveries, if any. */
  nextDueAtMs(subscriptionId: string): number | undefined;
  markDelivered(subscriptionId: string, seq: number): Promise<void>;
  /** Another failed attempt: tried again at `nextAttemptAtMs`, or dead-lettered when `dead`. */
  markFailed(subscriptionId: string, seq: number, failure: { error: string; nextAttemptAtMs: number; dead: boolean }): Promise<void>;
  deadLetters(subscriptionId: string, limit: number): OutboxDelivery[];
  /** A dead letter goes back to pending with no attempts counted; false when `seq` is not a dead letter. */
  redeliver(subscriptionId: string, seq: number): Promise<boolean>;
  /** Every delivery with `seq >= fromSeq` goes back to pending (again in order); resolves with how many. */
  replayFrom(subscriptionId: string, fromSeq: number): Promise<number>;
  counts(subscriptionId: string): OutboxCounts;
}
