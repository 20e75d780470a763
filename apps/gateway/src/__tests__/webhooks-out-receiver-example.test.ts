import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { signIccWebhook } from '@icc/adapter-kit';
import { systemClock } from '@icc/core';
import { exampleCustomer, type OutboundEvent } from '@icc/protocol';
import { REPO_ROOT } from './gateway-process';
import { rawRequest, startTestGateway, until, type TestGateway } from './test-gateway';

const EXAMPLE = join(REPO_ROOT, 'docs/examples/webhook-receiver.cjs');

/** A port free right now: the subscription must name the receiver's URL before the receiver knows its secret. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs docs/examples/webhook-receiver.cjs as documented; collects the events it prints. */
async function startExample(port: number, secret: string) {
  const child = spawn(process.execPath, [EXAMPLE], {
    env: { PATH: process.env['PATH'] ?? '', ICC_WEBHOOK_SECRET: secret, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const received: OutboundEvent[] = [];
  let listening: (url: string) => void = () => undefined;
  const started = new Promise<string>((resolve) => (listening = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const printed = JSON.parse(line) as { listening?: string; received?: OutboundEvent };
    if (printed.listening) listening(printed.listening);
    if (printed.received) received.push(printed.received);
  });
  return {
    url: await started,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

describe('the receiver example of docs/webhooks-out.md', () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway({ timerClock: systemClock, webhooksOut: { policy: { allowLocalhost: true, allowPrivateNetworks: false }, pollMs: 20 } });
  });
  afterEach(async () => {
    await t.close();
  });

  it('verifies real deliveries of the gateway and refuses forged, tampered and stale ones', async () => {
    const port = await freePort();
    const { token } = await t.anonymous.devSignIn('supervisor-sam');
    const created = await rawRequest(`${t.url}/v1/webhooks/subscriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/icc-events`, eventTypes: ['callback.created'] }),
    });
    expect(created.status).toBe(201);
    const { secret } = created.body as { secret: string };
    const receiver = await startExample(port, secret);
    try {
      const { callback } = await t.anonymous.createCallback({
        queueId: 'callbacks-cf',
        customer: exampleCustomer(),
        reason: { code: 'product-issue' },
        shortDescription: 'Receiver example',
      });
      await until(() => receiver.received.length === 1);
      expect(receiver.received[0]).toMatchObject({ type: 'callback.created', callbackId: callback.id });

      const body = JSON.stringify({ id: 'forged.1', type: 'callback.created', seq: 1, at: new Date().toISOString() });
      const now = Math.floor(Date.now() / 1000);
      const post = (headers: Record<string, string>, sent = body) =>
        rawRequest(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-icc-delivery-id': 'forged.1', ...headers }, body: sent });
      expect((await post({ 'x-icc-timestamp': String(now), 'x-icc-signature': signIccWebhook('whsec_wrong', now, body) })).status).toBe(401);
      expect((await post({ 'x-icc-timestamp': String(now), 'x-icc-signature': signIccWebhook(secret, now, body) }, body.replace('forged', 'tampered'))).status).toBe(401);
      const stale = now - 600;
      expect((await post({ 'x-icc-timestamp': String(stale), 'x-icc-signature': signIccWebhook(secret, stale, body) })).status).toBe(401);
      expect(receiver.received).toHaveLength(1);
      expect((await post({ 'x-icc-timestamp': String(now), 'x-icc-signature': signIccWebhook(secret, now, body) })).status).toBe(204);
      await until(() => receiver.received.length === 2);
    } finally {
      await receiver.stop();
    }
  });
});
