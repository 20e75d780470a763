import { verifyIccWebhook } from '@icc/adapter-kit';
import { systemClock } from '@icc/core';
import { exampleCustomer } from '@icc/protocol';
import { rawRequest, startTestGateway, type TestGateway } from './test-gateway';
import { startRecordingReceiver, type RecordingReceiver } from './webhook-receiver';

const FAST_RETRIES = { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100 };

async function startWebhookGateway(allowLocalhost = true): Promise<TestGateway> {
  // Real transport time: signatures carry it and retries wait on it.
  return startTestGateway({
    timerClock: systemClock,
    webhooksOut: { policy: { allowLocalhost, allowPrivateNetworks: false }, retry: FAST_RETRIES, pollMs: 20, requestTimeoutMs: 2_000 },
  });
}

async function asSupervisor(t: TestGateway) {
  const { token } = await t.anonymous.devSignIn('supervisor-sam');
  const call = (method: string, path: string, body?: unknown) =>
    rawRequest(`${t.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return call;
}

async function subscribe(t: TestGateway, url: string, eventTypes = ['callback.created', 'callback.closed']) {
  const call = await asSupervisor(t);
  const created = await call('POST', '/v1/webhooks/subscriptions', { url, eventTypes });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string };
}

async function createAndCancel(t: TestGateway, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { callback } = await t.anonymous.createCallback({
      queueId: 'callbacks-cf',
      customer: exampleCustomer({ phoneNumbers: [`+1415555${String(1000 + index)}`] }),
      reason: { code: 'product-issue' },
      shortDescription: `Webhook test ${index}`,
      schedule: { type: 'scheduled', start: '2026-03-11T09:00:00Z' },
    });
    ids.push(callback.id);
  }
  const supervisor = await t.signIn('supervisor-sam');
  for (const id of ids) await supervisor.cancelCallback(id, { reason: 'webhook test' });
  return ids;
}

/** Per callback, the seqs of its events in the order the receiver got them. */
function seqsByCallback(deliveries: { event: { callbackId?: string; seq: number } }[]): Map<string, number[]> {
  const by = new Map<string, number[]>();
  for (const { event } of deliveries) by.set(event.callbackId ?? '', [...(by.get(event.callbackId ?? '') ?? []), event.seq]);
  return by;
}

describe('outgoing webhooks', () => {
  let t: TestGateway;
  let receiver: RecordingReceiver;
  beforeEach(async () => {
    t = await startWebhookGateway();
    receiver = await startRecordingReceiver();
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  it('delivers signed events through a receiver failing for a while, in order per callback', async () => {
    receiver.respondWith((index) => (index < 3 ? 500 : 204));
    const subscription = await subscribe(t, receiver.url);
    expect(subscription.secret).toMatch(/^whsec_/);
    const ids = await createAndCancel(t, 3);

    await receiver.waitFor((r) => r.accepted().length === 6);
    const accepted = receiver.accepted();
    for (const id of ids) {
      expect(accepted.filter((d) => d.event.callbackId === id).map((d) => d.event.type)).toEqual(['callback.created', 'callback.closed']);
    }
    // Not even an attempt of a callback's closed event before its created one was accepted.
    for (const id of ids) {
      const createdAccepted = receiver.requests.findIndex((r) => r.event.callbackId === id && r.event.type === 'callback.created' && r.status === 204);
      const firstClosedAttempt = receiver.requests.findIndex((r) => r.event.callbackId === id && r.event.type === 'callback.closed');
      expect(firstClosedAttempt).toBeGreaterThan(createdAccepted);
    }
    expect(receiver.requests.filter((r) => r.status === 500)).toHaveLength(3);
    expect(accepted.find((d) => d.event.type === 'callback.closed')?.event).toMatchObject({ outcome: 'cancelled' });
    for (const delivery of receiver.requests) {
      // The documented scheme, verified with the very code ICC verifies its inbound webhooks with.
      expect(() =>
        verifyIccWebhook({ secret: subscription.secret, header: (name) => delivery.headers[name] as string | undefined, rawBody: delivery.rawBody }),
      ).not.toThrow();
      expect(delivery.headers['x-icc-delivery-id']).toBe(delivery.event.id);
    }
    const [first] = accepted;
    if (!first) throw new Error('nothing accepted');
    expect(() => verifyIccWebhook({ secret: 'whsec_wrong', header: (name) => first.headers[name] as string | undefined, rawBody: first.rawBody })).toThrow();

    const call = await asSupervisor(t);
    const health = await call('GET', `/v1/webhooks/subscriptions/${subscription.id}`);
    expect(health.body).toMatchObject({ health: { delivered: 6, pending: 0, deadLettered: 0, lagEvents: 0 } });
    expect(JSON.stringify(health.body)).not.toContain(subscription.secret);
    const metrics = await rawRequest(`${t.url}/metrics`, { method: 'GET' });
    expect(metrics.text).toMatch(/icc_webhook_deliveries_total\{result="delivered"\} 6/);
    expect(metrics.text).toMatch(/icc_webhook_deliveries_total\{result="failed"\} 3/);
  });

  it('dead-letters after the retry limit without blocking the callback, and redelivers on request', async () => {
    receiver.respondWith((index) => (index < FAST_RETRIES.maxAttempts ? 503 : 204));
    const subscription = await subscribe(t, receiver.url);
    const [id] = await createAndCancel(t, 1);

    // created fails 3 times → dead letter; closed then goes through.
    await receiver.waitFor((r) => r.accepted().length === 1);
    expect(receiver.accepted()[0]?.event).toMatchObject({ type: 'callback.closed', callbackId: id });
    const call = await asSupervisor(t);
    const dead = await call('GET', `/v1/webhooks/subscriptions/${subscription.id}/dead-letters`);
    expect(dead.status).toBe(200);
    const deadLetters = (dead.body as { deadLetters: { seq: number; eventType: string; attempts: number; lastError: string }[] }).deadLetters;
    expect(deadLetters).toEqual([expect.objectContaining({ eventType: 'callback.created', attempts: 3, lastError: 'HTTP 503', orderKey: `callback:${id}` })]);
    expect((await call('GET', '/metrics')).text).toMatch(/icc_webhook_deliveries_total\{result="dead_lettered"\} 1/);
    const deadSeq = deadLetters[0]?.seq ?? 0;

    const redelivered = await call('POST', `/v1/webhooks/subscriptions/${subscription.id}/dead-letters/${deadSeq}/redeliver`);
    expect(redelivered).toMatchObject({ status: 202, body: { redelivering: deadSeq } });
    await receiver.waitFor((r) => r.accepted().length === 2);
    expect(receiver.accepted()[1]?.event).toMatchObject({ type: 'callback.created', callbackId: id });
    expect((await call('GET', `/v1/webhooks/subscriptions/${subscription.id}/dead-letters`)).body).toEqual({ deadLetters: [] });
    const again = await call('POST', `/v1/webhooks/subscriptions/${subscription.id}/dead-letters/${deadSeq}/redeliver`);
    expect(again).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });

  it('replays from a sequence, in order, and stops delivering once the subscription is deleted', async () => {
    const subscription = await subscribe(t, receiver.url);
    await createAndCancel(t, 2);
    await receiver.waitFor((r) => r.accepted().length === 4);
    const seqs = receiver.accepted().map((d) => d.event.seq).sort((a, b) => a - b);
    const fromSeq = seqs[1] ?? 0;

    const call = await asSupervisor(t);
    const replay = await call('POST', `/v1/webhooks/subscriptions/${subscription.id}/replay`, { fromSeq });
    expect(replay).toMatchObject({ status: 202, body: { replaying: 3 } });
    await receiver.waitFor((r) => r.accepted().length === 7);
    const replayed = receiver.accepted().slice(4);
    expect(replayed.map((d) => d.event.seq).sort((a, b) => a - b)).toEqual(seqs.slice(1));
    for (const [, order] of seqsByCallback(replayed)) expect(order).toEqual([...order].sort((a, b) => a - b));
    // Same ids as the first time: receivers dedupe on them.
    expect(new Set(receiver.accepted().map((d) => d.event.id)).size).toBe(4);

    expect((await call('POST', `/v1/webhooks/subscriptions/${subscription.id}/replay`, { fromSeq: 0 })).body).toMatchObject({
      code: 'validation_failed',
      issues: [expect.objectContaining({ path: ['fromSeq'] })],
    });
    expect((await call('DELETE', `/v1/webhooks/subscriptions/${subscription.id}`)).status).toBe(200);
    expect((await call('GET', `/v1/webhooks/subscriptions/${subscription.id}`)).status).toBe(404);
    await createAndCancel(t, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.accepted()).toHaveLength(7);
  });

  it('delivers agent presence and only the subscribed types', async () => {
    await subscribe(t, receiver.url, ['agent.presence']);
    await createAndCancel(t, 1);
    const ada = await t.signIn('agent-ada');
    await ada.setPresence('agent-ada', 'available');
    await receiver.waitFor((r) => r.accepted().length === 1);
    expect(receiver.accepted()[0]?.event).toMatchObject({ type: 'agent.presence', agentId: 'agent-ada', presence: 'available', previousPresence: 'offline' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.requests).toHaveLength(1);
  });

  it('lets only supervisors manage subscriptions', async () => {
    const body = JSON.stringify({ url: receiver.url, eventTypes: ['callback.created'] });
    const headers = { 'content-type': 'application/json' };
    expect((await rawRequest(`${t.url}/v1/webhooks/subscriptions`, { method: 'POST', headers, body })).status).toBe(401);
    const ada = await t.signIn('agent-ada');
    const asAgent = { ...headers, authorization: `Bearer ${ada.token}` };
    expect((await rawRequest(`${t.url}/v1/webhooks/subscriptions`, { method: 'POST', headers: asAgent, body })).body).toMatchObject({ code: 'forbidden' });
    expect((await rawRequest(`${t.url}/v1/webhooks/subscriptions`, { method: 'GET', headers: asAgent })).status).toBe(403);
    const call = await asSupervisor(t);
    const created = await subscribe(t, receiver.url);
    const listed = await call('GET', '/v1/webhooks/subscriptions');
    expect(listed.body).toEqual({ subscriptions: [expect.objectContaining({ id: created.id, url: receiver.url })] });
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
  });

  it.each([
    ['a plain-http public URL', 'http://203.0.113.7/hooks'],
    ['a private address', 'https://10.1.2.3/hooks'],
    ['the cloud metadata address', 'https://169.254.169.254/latest/meta-data'],
    ['a CGNAT address', 'https://100.64.0.1/hooks'],
    ['an IPv6 link-local address', 'https://[fe80::1]/hooks'],
    ['an IPv6 unique-local address', 'https://[fd00::1]/hooks'],
    ['an IPv4-mapped private address', 'https://[::ffff:192.168.1.1]/hooks'],
    ['credentials in the URL', 'https://user:pass@203.0.113.7/hooks'],
  ])('refuses %s (SSRF)', async (_name, url) => {
    const call = await asSupervisor(t);
    const refused = await call('POST', '/v1/webhooks/subscriptions', { url, eventTypes: ['callback.created'] });
    expect(refused).toMatchObject({ status: 400, body: { code: 'validation_failed', issues: [expect.objectContaining({ path: ['url'] })] } });
  });

  it('refuses bad bodies with the zod path', async () => {
    const call = await asSupervisor(t);
    const refused = await call('POST', '/v1/webhooks/subscriptions', { url: receiver.url, eventTypes: ['callback.exploded'] });
    expect(refused).toMatchObject({ status: 400, body: { code: 'validation_failed', issues: [expect.objectContaining({ path: ['eventTypes', 0] })] } });
  });
});

describe('outgoing webhooks without the localhost allowance', () => {
  it('refuses localhost and loopback subscribers', async () => {
    const t = await startWebhookGateway(false);
    try {
      const call = await asSupervisor(t);
      for (const url of ['http://127.0.0.1:9/hooks', 'https://127.0.0.1/hooks', 'https://localhost/hooks', 'https://[::1]/hooks']) {
        const refused = await call('POST', '/v1/webhooks/subscriptions', { url, eventTypes: ['callback.created'] });
        expect({ url, status: refused.status, path: (refused.body as { issues?: { path: unknown }[] }).issues?.[0]?.path }).toEqual({ url, status: 400, path: ['url'] });
      }
    } finally {
      await t.close();
    }
  });
});
