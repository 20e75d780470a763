import { ICC_WEBHOOK_SCHEME, signIccWebhook, verifyIccWebhook, type IccWebhookDelivery } from './icc-webhook-signature';

const secret = 'a-webhook-secret-value';
const now = Date.parse('2026-03-10T09:00:00Z');
const timestamp = Math.floor(now / 1000);
const rawBody = '{"hello":"world"}';

describe('ICC webhook signature (what the gateway verifies)', () => {
  const verify = (headers: Record<string, string | undefined>, overrides: Partial<IccWebhookDelivery> = {}) =>
    verifyIccWebhook({
      secret,
      header: (name) => ({ 'x-icc-timestamp': String(timestamp), 'x-icc-signature': signIccWebhook(secret, timestamp, rawBody), ...headers })[name],
      rawBody,
      now,
      ...overrides,
    });

  it('signs v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">', () => {
    // Independently computed: printf '1773133200.{"hello":"world"}' | openssl dgst -sha256 -hmac a-webhook-secret-value
    expect(signIccWebhook(secret, timestamp, rawBody)).toBe('v1=81f17feeb997a52356bfe9d30b54072b9bd05793079f0fba0c003f827b942278');
    expect(signIccWebhook(secret, timestamp, rawBody)).toBe(signIccWebhook(secret, String(timestamp), rawBody));
  });

  it('accepts a valid signature, also among several (secret rotation)', () => {
    expect(verify({})).toEqual({ timestamp: now });
    expect(() => verify({ 'x-icc-signature': `v1=${'a'.repeat(64)}, ${signIccWebhook(secret, timestamp, rawBody)}` })).not.toThrow();
  });

  it('refuses a wrong secret, a changed body, a missing or non-numeric timestamp, naming the header or the setting', () => {
    expect(() => verify({ 'x-icc-signature': signIccWebhook('other-secret', timestamp, rawBody) })).toThrow(
      expect.objectContaining({ code: 'invalid_signature', message: 'X-ICC-Signature does not match the body; check ICC_WEBHOOK_SECRET' }),
    );
    expect(() => verify({}, { rawBody: '{"hello":"there"}' })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => verify({ 'x-icc-timestamp': undefined })).toThrow(expect.objectContaining({ code: 'invalid_signature', message: 'X-ICC-Timestamp is missing or not a number' }));
    expect(() => verify({ 'x-icc-timestamp': '12abc' })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
    expect(() => verify({ 'x-icc-signature': undefined })).toThrow(expect.objectContaining({ code: 'invalid_signature' }));
  });

  it('refuses a timestamp more than five minutes away', () => {
    expect(ICC_WEBHOOK_SCHEME.toleranceSeconds).toBe(300);
    expect(() => verify({}, { now: now + 301_000 })).toThrow(expect.objectContaining({ code: 'stale_signature' }));
    expect(() => verify({}, { now: now - 301_000 })).toThrow(expect.objectContaining({ code: 'stale_signature' }));
    expect(() => verify({}, { now: now + 299_000 })).not.toThrow();
  });
});

describe('ICC webhook freshness without a given now', () => {
  it('judges the timestamp by the real clock: signatures are about transport, not domain time', () => {
    const realSeconds = Math.floor(Date.now() / 1000);
    const delivery = (at: number) => ({
      secret,
      header: (name: string) => ({ 'x-icc-timestamp': String(at), 'x-icc-signature': signIccWebhook(secret, at, rawBody) })[name],
      rawBody,
    });
    expect(verifyIccWebhook(delivery(realSeconds))).toEqual({ timestamp: realSeconds * 1000 });
    expect(() => verifyIccWebhook(delivery(realSeconds - 301))).toThrow(expect.objectContaining({ code: 'stale_signature' }));
    expect(() => verifyIccWebhook(delivery(timestamp))).toThrow(expect.objectContaining({ code: 'stale_signature' }));
  });
});
