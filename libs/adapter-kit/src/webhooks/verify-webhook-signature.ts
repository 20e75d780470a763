import { createHmac, timingSafeEqual } from 'node:crypto';
import { IccError } from '@icc/core';

export interface WebhookSignatureCheck {
  /** The shared secret; several while a secret is being rotated (any one may have signed). */
  secret: string | readonly string[];
  /** Value of the vendor's timestamp header, as received. */
  timestampHeader: string | undefined;
  /** Value of the vendor's signature header, as received; several signatures may be separated by commas or spaces. */
  signatureHeader: string | undefined;
  /** The body exactly as received: re-serialized JSON does not verify. */
  rawBody: string;
  /**
   * Epoch milliseconds of transport time; defaults to the real clock. Signatures are about
   * transport, not domain time: never pass a domain (fake) clock, or no delivery is fresh under one.
   */
  now?: number;
  /** How far the timestamp may be from `now`, either way; beyond it the delivery is a replay. Default 300. */
  toleranceSeconds?: number;
  /** Default `sha256`. */
  algorithm?: 'sha1' | 'sha256' | 'sha512';
  /** How the digest is written in the header. Default `hex`. */
  encoding?: 'hex' | 'base64';
  /** Written before each digest in the header, e.g. `v1=` or `sha256=`. Default none. */
  signaturePrefix?: string;
  /** What the vendor signs. Default `<timestamp>.<raw body>`. */
  signedPayload?: (timestamp: string, rawBody: string) => string;
  /** Unit of the timestamp header. Default `seconds`. */
  timestampUnit?: 'seconds' | 'milliseconds';
  /** What the error messages call the headers and the secret, e.g. `X-ICC-Timestamp`, `ICC_WEBHOOK_SECRET`. */
  names?: { timestampHeader: string; signatureHeader: string; secret: string };
}

const defaultPayload = (timestamp: string, rawBody: string) => `${timestamp}.${rawBody}`;

/** The signature a vendor would send: for simulators and tests. */
export function signWebhookPayload(
  check: Pick<WebhookSignatureCheck, 'algorithm' | 'encoding' | 'signaturePrefix' | 'signedPayload'> & {
    secret: string;
    timestamp: string;
    rawBody: string;
  },
): string {
  const payload = (check.signedPayload ?? defaultPayload)(check.timestamp, check.rawBody);
  const digest = createHmac(check.algorithm ?? 'sha256', check.secret).update(payload).digest(check.encoding ?? 'hex');
  return `${check.signaturePrefix ?? ''}${digest}`;
}

/**
 * Verifies a push delivery's HMAC signature in constant time, then its freshness. Resolves with
 * the delivery's timestamp (epoch ms); throws `IccError` `invalid_signature` (tampered, wrong
 * secret, missing headers) or `stale_signature` (outside the tolerance: a replay or a bad clock).
 */
export function verifyWebhookSignature(check: WebhookSignatureCheck): { timestamp: number } {
  const { timestampHeader, signatureHeader } = check;
  const names = check.names ?? { timestampHeader: 'The webhook timestamp header', signatureHeader: 'The webhook signature header', secret: 'the shared secret' };
  if (!timestampHeader || !/^\d{1,16}$/.test(timestampHeader.trim())) {
    throw new IccError('invalid_signature', `${names.timestampHeader} is missing or not a number`);
  }
  if (!signatureHeader) throw new IccError('invalid_signature', `${names.signatureHeader} is missing`);
  const timestamp = timestampHeader.trim();
  const secrets = typeof check.secret === 'string' ? [check.secret] : check.secret;
  const offered = signatureHeader
    .split(/[\s,]+/)
    .filter((value) => value !== '')
    .map((value) => Buffer.from(value));
  const matches = secrets.some((secret) => {
    const expected = Buffer.from(signWebhookPayload({ ...check, secret, timestamp, rawBody: check.rawBody }));
    // Every candidate is compared (no early exit) so timing says nothing about which one was close.
    return offered.reduce((found, candidate) => (candidate.length === expected.length && timingSafeEqual(candidate, expected)) || found, false);
  });
  if (!matches) throw new IccError('invalid_signature', `${names.signatureHeader} does not match the body; check ${names.secret}`);

  const at = Number(timestamp) * (check.timestampUnit === 'milliseconds' ? 1 : 1000);
  const toleranceMs = (check.toleranceSeconds ?? 300) * 1000;
  if (Math.abs((check.now ?? Date.now()) - at) > toleranceMs) {
    throw new IccError('stale_signature', `${names.timestampHeader} is more than ${toleranceMs / 1000} s away from our clock (a replay, or a clock out of sync)`);
  }
  return { timestamp: at };
}
