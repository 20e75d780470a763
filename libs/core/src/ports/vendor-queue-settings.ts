import type { QueueConfig } from '@icc/protocol';

/**
 * What a vendor decides for a queue itself (Genesys: the queue's callback media settings), as ICC
 * queue configuration fields. Identity, name and business hours stay ICC's.
 */
export type VendorQueueSettings = Partial<Omit<QueueConfig, 'id' | 'name' | 'businessHours'>>;

/** The queue as it really behaves: the vendor's settings override the configured ones. */
export function withVendorQueueSettings(queue: QueueConfig, settings: VendorQueueSettings | undefined): QueueConfig {
  return settings === undefined ? queue : { ...queue, ...settings };
}
