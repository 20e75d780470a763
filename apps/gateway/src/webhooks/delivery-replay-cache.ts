/**
 * Delivery ids seen recently. Entries outlive the signature tolerance (older deliveries are
 * refused as stale anyway); the size bound keeps memory flat under a flood.
 */
export interface DeliveryReplayCache {
  /** Reserves an id; false when it was seen (or is being processed) already. */
  reserve(deliveryId: string, nowMs: number): boolean;
  /** Forgets a reservation whose processing failed, so the vendor's retry is accepted. */
  release(deliveryId: string): void;
}

export function createDeliveryReplayCache(options: { ttlMs: number; maxEntries: number }): DeliveryReplayCache {
  const expiries = new Map<string, number>();
  const evict = (nowMs: number) => {
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > nowMs && expiries.size < options.maxEntries) break;
      expiries.delete(id);
    }
  };
  return {
    reserve(deliveryId, nowMs) {
      evict(nowMs);
      const expiresAt = expiries.get(deliveryId);
      if (expiresAt !== undefined && expiresAt > nowMs) return false;
      expiries.delete(deliveryId);
      expiries.set(deliveryId, nowMs + options.ttlMs);
      return true;
    },
    release(deliveryId) {
      expiries.delete(deliveryId);
    },
  };
}
