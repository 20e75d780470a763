import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhookPayload } from '@icc/adapter-kit';
import { startConformanceRun, type ConformanceRun } from '@icc/adapter-kit/conformance';
import connectedToAgent from './__fixtures__/contact-event-connected-to-agent.json';
import { AMAZON_CONNECT_CAPABILITIES } from './connect-capabilities';
import { createAmazonConnectBench, HARNESS_WEBHOOK_SECRET, type AmazonConnectBench } from './testing/amazon-connect-harness';
import { startConnectConformanceRun } from './testing/connect-conformance-run';

const rawBody = JSON.stringify(connectedToAgent);

function signed(body: string, timestampSeconds: number, secret = HARNESS_WEBHOOK_SECRET) {
  const timestamp = String(timestampSeconds);
  return {
    'x-icc-timestamp': timestamp,
    'x-icc-signature': signWebhookPayload({ secret, timestamp, rawBody: body, signaturePrefix: 'v1=' }),
    'x-icc-delivery-id': 'delivery-1',
  };
}

describe('webhook deliveries: signature and time skew', () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;
  // Freshness is transport time: the real clock, whatever the world's domain clock says.
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  beforeEach(async () => {
    ({ run, bench } = await startConnectConformanceRun());
  });
  afterEach(() => run.close());

  it('accepts a published event signed with the shared secret (the unknown contact waits to be claimed)', async () => {
    await expect(bench.adapter.ingest({ headers: signed(rawBody, nowSeconds()), rawBody })).resolves.toEqual([]);
    expect(bench.adapter.ingestCounters.accepted).toBe(1);
  });

  it.each([
    ['a tampered body', () => ({ headers: signed(rawBody, nowSeconds()), rawBody: rawBody.replace('INBOUND', 'OUTBOUND') })],
    ['another secret', () => ({ headers: signed(rawBody, nowSeconds(), 'somebody-elses-secret-value'), rawBody })],
    ['no signature header', () => ({ headers: { 'x-icc-timestamp': String(nowSeconds()) }, rawBody })],
  ])('refuses %s as invalid_signature, and applies nothing', async (_why, delivery) => {
    await expect(bench.adapter.ingest(delivery())).rejects.toMatchObject({ code: 'invalid_signature' });
    expect(bench.adapter.ingestCounters.accepted).toBe(0);
  });

  it.each([-301, 301])('refuses a timestamp %i s away from the clock as stale_signature (a replay or a skewed clock)', async (skew) => {
    await expect(bench.adapter.ingest({ headers: signed(rawBody, nowSeconds() + skew), rawBody })).rejects.toMatchObject({ code: 'stale_signature' });
  });

  it('accepts a timestamp within the 5-minute tolerance, and any one of several signatures (secret rotation)', async () => {
    const headers = signed(rawBody, nowSeconds() - 299);
    const rotated = { ...headers, 'X-ICC-Signature': `v1=${'0'.repeat(64)}, ${headers['x-icc-signature']}` };
    delete (rotated as Record<string, string>)['x-icc-signature'];
    await expect(bench.adapter.ingest({ headers: rotated, rawBody })).resolves.toEqual([]);
  });
});

describe('webhook deliveries over a real HTTP endpoint', () => {
  let server: Server;
  let run: ConformanceRun;
  const received: Array<Record<string, string | string[] | undefined>> = [];

  beforeEach(async () => {
    const adapterRef: { current?: AmazonConnectBench } = {};
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(request.headers);
        const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
        adapterRef.current?.adapter.ingest?.({ headers, rawBody: Buffer.concat(chunks).toString('utf8') }).then(
          (events) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ events: events.length })),
          (error: { code?: string }) => response.writeHead(401).end(JSON.stringify({ code: error.code })),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/vendors/amazon-connect/events`;
    run = await startConformanceRun({
      capabilities: AMAZON_CONNECT_CAPABILITIES,
      createHarness: (world) =>
        (adapterRef.current = createAmazonConnectBench({ clock: world.clock, queues: world.queueList, agents: world.agentList, webhook: { url } })),
    });
  });

  afterEach(async () => {
    await run.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('the simulator posts signed contact and agent events; the adapter verifies and applies them', async () => {
    await run.available(run.world.agents.ada);
    const { interactionId } = await run.request({ queue: run.world.queues.manual });
    await run.waitFor('the offer to arrive over HTTP', () => run.interaction(interactionId).state === 'offered');
    expect(received.length).toBeGreaterThanOrEqual(3);
    for (const headers of received) {
      expect(headers['x-icc-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
      expect(headers['x-icc-delivery-id']).toEqual(expect.any(String));
    }
  });
});
