import { signWebhookPayload, verifyWebhookSignature } from './verify-webhook-signature';

/**
 * How a push delivery to the gateway (`POST /v1/vendors/:vendor/events`, docs/api.md) is signed:
 * `X-ICC-Timestamp` (unix seconds) and `X-ICC-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`,
 * several comma-separated signatures allowed while the secret rotates; five minutes of tolerance.
 */
export const ICC_WEBHOOK_SCHEME = {
  timestampHeader: 'x-icc-timestamp',
  signatureHeader: 'x-icc-signature',
  deliveryIdHeader: 'x-icc-delivery-id',
  signaturePrefix: 'v1=',
  toleranceSeconds: 5 * 60,
} as const;

/** The `X-ICC-Signature` a relay (or a test) sends for `rawBody` at `timestamp` (unix seconds). */
export function signIccWebhook(secret: string, timestamp: number | string, rawBody: string): string {
  return signWebhookPayload({ secret, timestamp: String(timestamp), rawBody, signaturePrefix: ICC_WEBHOOK_SCHEME.signaturePrefix });
}

export interface IccWebhookDelivery {
  /** The shared secret (`ICC_WEBHOOK_SECRET`); several while it rotates. */
  secret: string | readonly string[];
  /** Reads a request header by its lower-case name. */
  header(name: string): string | undefined;
  /** The body exactly as received. */
  rawBody: string;
  /** Epoch milliseconds of transport time; defaults to the real clock (never a domain clock). */
  now?: number;
  toleranceSeconds?: number;
}

/** Verifies a delivery signed by `ICC_WEBHOOK_SCHEME`; throws `invalid_signature` or `stale_signature` (401). */
export function verifyIccWebhook(delivery: IccWebhookDelivery): { timestamp: number } {
  return verifyWebhookSignature({
    secret: delivery.secret,
    timestampHeader: delivery.header(ICC_WEBHOOK_SCHEME.timestampHeader),
    signatureHeader: delivery.header(ICC_WEBHOOK_SCHEME.signatureHeader),
    rawBody: delivery.rawBody,
    ...(delivery.now === undefined ? {} : { now: delivery.now }),
    toleranceSeconds: delivery.toleranceSeconds ?? ICC_WEBHOOK_SCHEME.toleranceSeconds,
    signaturePrefix: ICC_WEBHOOK_SCHEME.signaturePrefix,
    names: { timestampHeader: 'X-ICC-Timestamp', signatureHeader: 'X-ICC-Signature', secret: 'ICC_WEBHOOK_SECRET' },
  });
}
