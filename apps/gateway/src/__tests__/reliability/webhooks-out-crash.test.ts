import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCustomer } from '@icc/protocol';
import type { GatewayProcess } from '../gateway-process';
import { startRecordingReceiver, type RecordingReceiver } from '../webhook-receiver';
import { bundleGateway, killChild, startChildGateway } from './gateway-child';

const CALLBACKS = 4;

async function json(url: string, method: string, body?: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/*
 * The outbox is filled from the durable log and a delivery is marked only after the subscriber's 2xx:
 * a gateway SIGKILLed while its subscriber is down loses nothing the API acknowledged, and the
 * restarted one delivers all of it, each callback's events in order.
 */
// Two gateway processes started one after the other, and retries through a failing receiver: on a
// busy 2-core CI machine that took more than jest's default 5 s once, as the other child-process suites here can.
jest.setTimeout(60_000);

describe('outgoing webhooks across a gateway SIGKILL', () => {
  let workDir: string;
  let bundle: string;
  let running: GatewayProcess | undefined;
  let receiver: RecordingReceiver;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'icc-webhooks-crash-'));
    bundle = await bundleGateway(workDir);
    receiver = await startRecordingReceiver();
  });
  afterAll(async () => {
    if (running) await killChild(running);
    await receiver.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  const start = async () => {
    running = await startChildGateway({
      bundle,
      env: {
        ICC_DATA_DIR: join(workDir, 'data'),
        ICC_WEBHOOKS_OUT_ALLOW_LOCALHOST: '1',
        ICC_WEBHOOKS_OUT_RETRY_BASE_MS: '30',
        ICC_WEBHOOKS_OUT_MAX_ATTEMPTS: '100',
      },
    });
    return running;
  };

  it('delivers every acknowledged event after the restart, in order per callback, through a failing receiver', async () => {
    receiver.respondWith(() => 500);
    let gateway = await start();
    const { body: signedIn } = await json(`${gateway.url}/v1/auth/dev-token`, 'POST', { agentId: 'supervisor-sam' });
    const token = signedIn['token'] as string;
    const subscribed = await json(`${gateway.url}/v1/webhooks/subscriptions`, 'POST', { url: receiver.url, eventTypes: ['callback.created', 'callback.closed'] }, token);
    expect(subscribed.status).toBe(201);

    const ids: string[] = [];
    for (let index = 0; index < CALLBACKS; index += 1) {
      const created = await json(`${gateway.url}/v1/callbacks`, 'POST', {
        queueId: 'callbacks-cf',
        customer: exampleCustomer({ phoneNumbers: [`+1415555${2000 + index}`] }),
        reason: { code: 'product-issue' },
        shortDescription: `Crash test ${index}`,
      });
      expect(created.status).toBe(201);
      ids.push(created.body['id'] as string);
    }
    for (const id of ids) expect((await json(`${gateway.url}/v1/callbacks/${id}/cancel`, 'POST', { reason: 'crash test' }, token)).status).toBe(200);
    await receiver.waitFor((r) => r.requests.length >= 2);

    await killChild(gateway);
    expect(gateway.child.signalCode).toBe('SIGKILL');
    const failedBeforeRestart = receiver.requests.length;
    // Still down for a while after the restart, then up.
    receiver.respondWith((index) => (index < failedBeforeRestart + 3 ? 500 : 204));
    gateway = await start();

    await receiver.waitFor((r) => new Set(r.accepted().map((d) => d.event.id)).size === CALLBACKS * 2, 20_000);
    for (const id of ids) {
      const createdAccepted = receiver.requests.findIndex((r) => r.event.callbackId === id && r.event.type === 'callback.created' && r.status === 204);
      const firstClosedAttempt = receiver.requests.findIndex((r) => r.event.callbackId === id && r.event.type === 'callback.closed');
      expect(createdAccepted).toBeGreaterThanOrEqual(0);
      expect(firstClosedAttempt).toBeGreaterThan(createdAccepted);
    }
    const health = await json(`${gateway.url}/v1/webhooks/subscriptions/${subscribed.body['id'] as string}`, 'GET', undefined, token);
    expect(health.body['health']).toMatchObject({ delivered: CALLBACKS * 2, pending: 0, deadLettered: 0 });
  });
});
