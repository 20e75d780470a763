import { createHmac, timingSafeEqual } from 'node:crypto';
import { IccError } from '@icc/core';

export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookSignatureInput {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  rawBody: string;
  nowMs: number;
}

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`; several comma-separated values are allowed (secret rotation). */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** Throws `401 invalid_signature` or `401 stale_signature`. */
export function verifyWebhookSignature(input: WebhookSignatureInput): void {
  const timestamp = Number(input.timestampHeader);
  if (!input.timestampHeader || !/^\d{1,12}$/.test(input.timestampHeader) || !Number.isSafeInteger(timestamp)) {
    throw new IccError('invalid_signature', 'X-ICC-Timestamp must be unix seconds');
  }
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.rawBody));
  const offered = (input.signatureHeader ?? '').split(',').map((value) => Buffer.from(value.trim()));
  const matches = offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  if (!matches) throw new IccError('invalid_signature', 'X-ICC-Signature does not match the body; check ICC_WEBHOOK_SECRET');
  if (Math.abs(input.nowMs / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new IccError('stale_signature', 'X-ICC-Timestamp is more than 5 minutes away from our clock');
  }
}
