import { IccError } from '@icc/core';
import { signWebhookPayload, verifyWebhookSignature, type WebhookSignatureCheck } from './verify-webhook-signature';

const SECRET = 'whsec_conformance';
const NOW = Date.parse('2026-01-05T09:00:00Z');
const TIMESTAMP = String(NOW / 1000 - 30);
const BODY = '{"eventType":"callback.answered","id":"c-1"}';

function signedCheck(overrides: Partial<WebhookSignatureCheck> = {}): WebhookSignatureCheck {
  return {
    secret: SECRET,
    timestampHeader: TIMESTAMP,
    signatureHeader: signWebhookPayload({ secret: SECRET, timestamp: TIMESTAMP, rawBody: BODY }),
    rawBody: BODY,
    now: NOW,
    toleranceSeconds: 300,
    ...overrides,
  };
}

function failureOf(check: WebhookSignatureCheck): IccError | undefined {
  try {
    verifyWebhookSignature(check);
    return undefined;
  } catch (error) {
    if (error instanceof IccError) return error;
    throw error;
  }
}

describe('verifyWebhookSignature', () => {
  it('accepts a delivery signed with the secret and returns its timestamp', () => {
    expect(verifyWebhookSignature(signedCheck())).toEqual({ timestamp: NOW - 30_000 });
  });

  it.each([
    ['another secret', { secret: 'whsec_other' }],
    ['a changed body', { rawBody: BODY.replace('c-1', 'c-2') }],
    ['a changed timestamp', { timestampHeader: String(Number(TIMESTAMP) + 1) }],
    ['a truncated signature', { signatureHeader: signWebhookPayload({ secret: SECRET, timestamp: TIMESTAMP, rawBody: BODY }).slice(0, 10) }],
    ['no signature header', { signatureHeader: undefined }],
    ['no timestamp header', { timestampHeader: undefined }],
    ['a timestamp that is not a number', { timestampHeader: 'yesterday' }],
  ])('rejects %s as invalid_signature', (_why, overrides) => {
    expect(failureOf(signedCheck(overrides))?.code).toBe('invalid_signature');
  });

  it.each([
    ['older than the tolerance (a replay)', NOW / 1000 - 301],
    ['too far in the future (a clock out of sync)', NOW / 1000 + 301],
  ])('rejects a delivery %s as stale_signature', (_why, seconds) => {
    const timestamp = String(seconds);
    const signatureHeader = signWebhookPayload({ secret: SECRET, timestamp, rawBody: BODY });
    expect(failureOf(signedCheck({ timestampHeader: timestamp, signatureHeader }))?.code).toBe('stale_signature');
  });

  it('accepts any of several signatures and any of several secrets (rotation)', () => {
    const valid = signWebhookPayload({ secret: SECRET, timestamp: TIMESTAMP, rawBody: BODY });
    expect(failureOf(signedCheck({ signatureHeader: `deadbeef, ${valid}` }))).toBeUndefined();
    expect(failureOf(signedCheck({ secret: ['whsec_new', SECRET] }))).toBeUndefined();
  });

  it('follows the vendor scheme: algorithm, encoding, prefix, signed payload and timestamp unit', () => {
    const scheme = {
      algorithm: 'sha512',
      encoding: 'base64',
      signaturePrefix: 'sha512=',
      signedPayload: (timestamp: string, rawBody: string) => `${rawBody}|${timestamp}`,
      timestampUnit: 'milliseconds',
    } as const;
    const timestamp = String(NOW - 1000);
    const signatureHeader = signWebhookPayload({ ...scheme, secret: SECRET, timestamp, rawBody: BODY });
    expect(signatureHeader).toMatch(/^sha512=[A-Za-z0-9+/]+=*$/);
    expect(verifyWebhookSignature(signedCheck({ ...scheme, timestampHeader: timestamp, signatureHeader }))).toEqual({ timestamp: NOW - 1000 });
    expect(failureOf(signedCheck({ timestampHeader: timestamp, signatureHeader }))?.code).toBe('invalid_signature');
  });
});
