import type { WebhookDeliveryRecord } from './event-store';

/** Expired deliveries forgotten per record: bounded work, and still more than one record adds. */
const WEBHOOK_DELIVERY_PRUNE_BATCH = 16;

export interface InMemoryWebhookDeliveries {
  has(vendor: string, deliveryId: string, nowMs: number): boolean;
  record(delivery: WebhookDeliveryRecord, nowMs: number): void;
}

/** The webhook deliveries of the in-memory store, oldest record first. */
export function createInMemoryWebhookDeliveries(): InMemoryWebhookDeliveries {
  const expiries = new Map<string, number>();
  const keyOf = (vendor: string, deliveryId: string) => JSON.stringify([vendor, deliveryId]);

  const pruneExpired = (nowMs: number) => {
    let examined = 0;
    for (const [key, expiresAtMs] of expiries) {
      if (examined++ >= WEBHOOK_DELIVERY_PRUNE_BATCH) break;
      if (expiresAtMs <= nowMs) expiries.delete(key);
    }
  };

  return {
    has(vendor, deliveryId, nowMs) {
      const expiresAtMs = expiries.get(keyOf(vendor, deliveryId));
      return expiresAtMs !== undefined && expiresAtMs > nowMs;
    },
    record(delivery, nowMs) {
      const key = keyOf(delivery.vendor, delivery.deliveryId);
      // Re-inserted, so the map stays in (roughly) expiry order for pruning.
      expiries.delete(key);
      expiries.set(key, delivery.expiresAtMs);
      pruneExpired(nowMs);
    },
  };
}
