/**
 * A callback waiting in one queue, reduced to what ordering needs. Instants are epoch ms.
 * - `asap`: served in the order requested.
 * - `scheduled`: enqueued once eligible (its start, inside business hours) and served as if it
 *   had been requested at `startAt`; from `windowEnd` on it is overdue and goes first.
 * From `expireAt` on it is never served.
 */
export interface CallbackQueueItem {
  readonly id: string;
  readonly requestedAt: number;
  /** Where an ASAP item's place counts from when not its request (the customer's earlier wait, a retry that lost its place). */
  readonly waitingSince?: number;
  readonly kind: 'asap' | 'scheduled';
  readonly startAt?: number;
  readonly windowEnd?: number;
  readonly expireAt?: number;
}

/** True from `windowEnd` on, for scheduled items only. */
export function isOverdue(item: CallbackQueueItem, now: number): boolean {
  return item.kind === 'scheduled' && item.windowEnd !== undefined && item.windowEnd <= now;
}

/** True from `expireAt` on. */
export function isExpired(item: CallbackQueueItem, now: number): boolean {
  return item.expireAt !== undefined && item.expireAt <= now;
}

/** When the item started to wait in the queue: `waitingSince` or its request, or for a scheduled one its start. */
export function waitingSince(item: CallbackQueueItem): number {
  return item.kind === 'scheduled' ? (item.startAt ?? item.requestedAt) : (item.waitingSince ?? item.requestedAt);
}
