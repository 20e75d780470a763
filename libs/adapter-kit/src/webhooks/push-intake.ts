import type { Logger, VendorWebhookRequest } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import { createRecentIds } from '../memory/recent-ids';
import { ICC_WEBHOOK_SCHEME, verifyIccWebhook } from './icc-webhook-signature';

export interface PushIntakeCounters {
  accepted: number;
  duplicates: number;
  malformed: number;
}

export type ParsedPush<Delivery> = { ok: true; delivery: Delivery; id: string } | { ok: false; reason: string };

export interface PushIntakeOptions<Delivery> {
  /** Names the adapter in log lines: `amazon-connect`. */
  vendor: string;
  /** When set, deliveries are verified with ICC's webhook scheme here too (the gateway verifies first). */
  secret?: string;
  toleranceSeconds?: number;
  /** Reads a body with the adapter's schemas; `id` is the vendor's event id, unique per delivered event. */
  parse(rawBody: string): ParsedPush<Delivery>;
  /** How many event ids are remembered to drop redeliveries. */
  remember: number;
}

export interface PushIntake<Delivery> {
  /** Deliveries by outcome, for metrics and tests. */
  readonly counters: PushIntakeCounters;
  ingest(request: VendorWebhookRequest, logger: Logger, apply: (delivery: Delivery) => Promise<IccEvent[]>): Promise<IccEvent[]>;
}

/**
 * The port's `ingest` contract for an at-least-once push stream: verified, parsed, applied once per
 * event id (an id whose application failed is forgotten, so its redelivery is applied), and a body
 * that does not parse logged and skipped, so the relay does not retry it forever.
 */
export function createPushIntake<Delivery>(options: PushIntakeOptions<Delivery>): PushIntake<Delivery> {
  const counters: PushIntakeCounters = { accepted: 0, duplicates: 0, malformed: 0 };
  const seen = createRecentIds(options.remember);
  return {
    counters,
    async ingest(request, logger, apply) {
      const header = (name: string) => Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
      if (options.secret !== undefined) {
        // No `now`: freshness is transport time, the real clock, also when the domain clock is faked.
        verifyIccWebhook({ secret: options.secret, header, rawBody: request.rawBody, ...(options.toleranceSeconds !== undefined ? { toleranceSeconds: options.toleranceSeconds } : {}) });
      }
      const parsed = options.parse(request.rawBody);
      if (!parsed.ok) {
        counters.malformed += 1;
        logger.warn({ reason: parsed.reason, deliveryId: header(ICC_WEBHOOK_SCHEME.deliveryIdHeader) }, `${options.vendor}: delivery skipped`);
        return [];
      }
      if (!seen.firstSighting(parsed.id)) {
        counters.duplicates += 1;
        logger.debug({ eventId: parsed.id }, `${options.vendor}: duplicate delivery skipped`);
        return [];
      }
      counters.accepted += 1;
      try {
        return await apply(parsed.delivery);
      } catch (error) {
        seen.forget(parsed.id);
        throw error;
      }
    },
  };
}
