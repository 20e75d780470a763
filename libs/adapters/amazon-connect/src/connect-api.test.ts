import { DescribeContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { createFakeClock, type FakeClock } from '@icc/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createConnectApi, type ConnectApi } from './connect-api';
import { AmazonConnectAdapterConfig } from './connect-config';

const ENDPOINT = 'https://connect.client-test.local';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const config = AmazonConnectAdapterConfig.parse({
  region: 'us-east-1',
  endpoint: ENDPOINT,
  instanceId: 'i-1',
  contactFlowId: 'f-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  retry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000 },
});

function answerWith(responses: Array<() => Response>) {
  const seen: number[] = [];
  server.use(
    http.post(`${ENDPOINT}/contact/stop`, () => {
      seen.push(seen.length);
      return (responses[seen.length - 1] ?? (() => HttpResponse.json({})))();
    }),
  );
  return seen;
}

const failure = (status: number, type: string, headers: Record<string, string> = {}) => () =>
  HttpResponse.json({ message: type }, { status, headers: { 'x-amzn-ErrorType': type, ...headers } });

/** Drives the fake clock until `promise` settles, the way a scenario would. */
async function drive<T>(clock: FakeClock, promise: Promise<T>): Promise<{ value?: T; error?: unknown; waitedMs: number }> {
  const started = clock.now();
  let outcome: { value?: T; error?: unknown } | undefined;
  promise.then((value) => (outcome = { value }), (error: unknown) => (outcome = { error }));
  for (let step = 0; step < 200 && !outcome; step++) {
    for (let turn = 0; turn < 20; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    if (!outcome) clock.advance(500);
  }
  return { ...outcome, waitedMs: clock.now() - started };
}

describe('createConnectApi', () => {
  let clock: FakeClock;
  let abort: AbortController;
  let api: ConnectApi;
  const stop = (idempotent: boolean) =>
    api.send(new StopContactCommand({ InstanceId: 'i-1', ContactId: 'c-1' }), idempotent);

  beforeEach(() => {
    clock = createFakeClock('2026-01-05T09:00:00Z');
    abort = new AbortController();
    api = createConnectApi(config, clock, abort.signal);
  });
  afterEach(() => api.destroy());

  it('waits as long as Retry-After says after a ThrottlingException, on the adapter clock', async () => {
    const seen = answerWith([failure(429, 'ThrottlingException', { 'Retry-After': '7' })]);
    const result = await drive(clock, stop(false));
    expect(result.error).toBeUndefined();
    expect(seen).toHaveLength(2);
    expect(result.waitedMs).toBeGreaterThanOrEqual(7000);
  });

  it('retries a 500 only when the call is idempotent, and gives up after the bounded attempts', async () => {
    answerWith([failure(500, 'InternalServiceException')]);
    expect((await drive(clock, stop(false))).error).toMatchObject({ name: 'AdapterError', retryable: true, vendorStatus: 500, vendorCode: 'InternalServiceException' });
    const seen = answerWith([failure(503, 'ServiceUnavailableException'), failure(503, 'ServiceUnavailableException'), failure(503, 'ServiceUnavailableException')]);
    expect((await drive(clock, stop(true))).error).toMatchObject({ code: 'vendor_unavailable', retryable: true, vendorStatus: 503 });
    expect(seen).toHaveLength(3);
  });

  it('does not retry what Connect refused, and says so', async () => {
    server.use(http.get(`${ENDPOINT}/contacts/i-1/c-404`, failure(404, 'ResourceNotFoundException')));
    const refused = api.send(new DescribeContactCommand({ InstanceId: 'i-1', ContactId: 'c-404' }));
    await expect(refused).rejects.toMatchObject({ retryable: false, vendorStatus: 404, vendorCode: 'ResourceNotFoundException' });
  });

  it('abandons a pending retry when the adapter stops, leaving no timer behind', async () => {
    answerWith([failure(429, 'ThrottlingException', { 'Retry-After': '30' })]);
    const pending = stop(true);
    for (let turn = 0; turn < 40 && clock.pendingTimers() === 0; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(clock.pendingTimers()).toBe(1);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ retryable: true });
    expect(clock.pendingTimers()).toBe(0);
  });
});
