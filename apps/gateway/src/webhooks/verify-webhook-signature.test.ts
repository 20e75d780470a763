import { signWebhook, verifyWebhookSignature } from './verify-webhook-signature';

const secret = 'a-webhook-secret-value';
const now = Date.parse('2026-03-10T09:00:00Z');
const timestamp = Math.floor(now / 1000);
const rawBody = '{"hello":"world"}';

describe('verifyWebhookSignature', () => {
  const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
    verifyWebhookSignature({
      secret,
      timestampHeader: String(timestamp),
      signatureHeader: signWebhook(secret, timestamp, rawBody),
      rawBody,
      nowMs: now,
      ...overrides,
    });

  it('accepts a valid signature, also among several (secret rotation)', () => {
    expect(() => verify({})).not.toThrow();
    expect(() => verify({ signatureHeader: `v1=${'a'.repeat(64)}, ${signWebhook(secret, timestamp, rawBody)}` })).not.toThrow();
  });

  it('refuses a wrong secret, a changed body, a missing or non-numeric timestamp', () => {
    expect(() => verify({ signatureHeader: signWebhook('other-secret', timestamp, rawBody) })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => verify({ rawBody: '{"hello":"there"}' })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => verify({ timestampHeader: undefined })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => verify({ timestampHeader: '12abc' })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => verify({ signatureHeader: undefined })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
  });

  it('refuses a timestamp more than five minutes away', () => {
    expect(() => verify({ nowMs: now + 301_000 })).toThrow(expect.objectContaining({ code: 'stale_signature' }));
    expect(() => verify({ nowMs: now - 301_000 })).toThrow(expect.objectContaining({ code: 'stale_signature' }));
    expect(() => verify({ nowMs: now + 299_000 })).not.toThrow();
  });
});
