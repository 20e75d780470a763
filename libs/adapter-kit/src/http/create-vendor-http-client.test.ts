import { AdapterError, createFakeClock } from '@icc/core';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createVendorHttpClient, type VendorHttpClientOptions } from './create-vendor-http-client';
import { sleepOnClock } from './sleep-on-clock';

const BASE = 'https://vendor.example.test/api/v2';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A client whose waits are recorded, not slept; `random` fixed so backoff is predictable. */
function clientWith(options: Partial<VendorHttpClientOptions> = {}) {
  const waits: number[] = [];
  const client = createVendorHttpClient({
    vendor: 'acme',
    baseUrl: `${BASE}/`,
    maxAttempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 5000,
    random: () => 0.5,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
    ...options,
  });
  return { client, waits };
}

/** Answers with `failures` in turn, then with 200 `{ id: 'cb-1' }`; counts the calls. */
function failThenSucceed(method: 'get' | 'post', path: string, failures: Array<() => Response>) {
  const seen: Request[] = [];
  server.use(
    http[method](`${BASE}${path}`, ({ request }) => {
      seen.push(request.clone());
      return failures[seen.length - 1]?.() ?? HttpResponse.json({ id: 'cb-1' });
    }),
  );
  return seen;
}

describe('createVendorHttpClient', () => {
  it('sends JSON with the shared headers and returns the parsed answer', async () => {
    const seen = failThenSucceed('post', '/callbacks', []);
    const { client } = clientWith({ headers: () => ({ authorization: 'Bearer t0k3n' }) });
    const parse = jest.fn((body: unknown) => body as { id: string });
    const response = await client.request({ method: 'POST', path: '/callbacks', query: { dryRun: false, skip: undefined }, body: { phone: '+14155552671' } }, parse);
    expect(response).toMatchObject({ status: 200, body: { id: 'cb-1' }, attempts: 1 });
    expect(parse).toHaveBeenCalledWith({ id: 'cb-1' });
    expect(seen[0]?.url).toBe(`${BASE}/callbacks?dryRun=false`);
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer t0k3n');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(await seen[0]?.json()).toEqual({ phone: '+14155552671' });
  });

  it('waits as long as Retry-After says on 429, even for a POST', async () => {
    const seen = failThenSucceed('post', '/callbacks', [() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '7' } })]);
    const { client, waits } = clientWith();
    const response = await client.request({ method: 'POST', path: '/callbacks', body: {} });
    expect(response.attempts).toBe(2);
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([7000]);
  });

  it('reads Retry-After given as an HTTP date on 503', async () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    failThenSucceed('get', '/queues', [
      () => new HttpResponse(null, { status: 503, headers: { 'Retry-After': 'Mon, 05 Jan 2026 09:00:12 GMT' } }),
    ]);
    const { client, waits } = clientWith({ now: () => now });
    await client.request({ method: 'GET', path: '/queues' });
    expect(waits).toEqual([12_000]);
  });

  it('backs off exponentially with full jitter on 5xx and network errors, capped at maxDelayMs', async () => {
    failThenSucceed('get', '/queues', [
      () => new HttpResponse(null, { status: 500 }),
      () => HttpResponse.error(),
      () => new HttpResponse(null, { status: 502 }),
    ]);
    const { client, waits } = clientWith({ maxDelayMs: 1500 });
    const response = await client.request({ method: 'GET', path: '/queues' });
    expect(response.attempts).toBe(4);
    // random 0.5 × min(1500, 1000 · 2^(n-1))
    expect(waits).toEqual([500, 750, 750]);
  });

  it('gives up after maxAttempts with a retryable AdapterError carrying the vendor status and code', async () => {
    const seen = failThenSucceed('get', '/queues', Array.from({ length: 10 }, () => () => HttpResponse.json({ code: 'service.unavailable' }, { status: 503 })));
    const { client, waits } = clientWith();
    const failure = client.request({ method: 'GET', path: '/queues' });
    await expect(failure).rejects.toBeInstanceOf(AdapterError);
    await expect(failure).rejects.toMatchObject({ code: 'vendor_unavailable', retryable: true, vendorStatus: 503, vendorCode: 'service.unavailable' });
    expect(seen).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('does not retry a refusal (4xx) and says it is not retryable', async () => {
    const seen = failThenSucceed('post', '/callbacks', [() => HttpResponse.json({ errorCode: 'bad.request' }, { status: 400 })]);
    const { client, waits } = clientWith();
    await expect(client.request({ method: 'POST', path: '/callbacks', body: {} })).rejects.toMatchObject({
      retryable: false,
      vendorStatus: 400,
      vendorCode: 'bad.request',
    });
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('lets the adapter read the error code from the answer headers (AWS: x-amzn-ErrorType)', async () => {
    failThenSucceed('post', '/contacts', [() => HttpResponse.json({ message: 'not alerting' }, { status: 400, headers: { 'x-amzn-ErrorType': 'InvalidRequestException' } })]);
    const { client } = clientWith({ readErrorCode: (_body, headers) => headers.get('x-amzn-ErrorType') ?? undefined });
    await expect(client.request({ method: 'POST', path: '/contacts', body: {} })).rejects.toMatchObject({ vendorStatus: 400, vendorCode: 'InvalidRequestException' });
  });

  it('does not resend a non-idempotent POST after a 500, unless told it is idempotent', async () => {
    const seen = failThenSucceed('post', '/callbacks', [() => new HttpResponse(null, { status: 500 })]);
    const { client } = clientWith();
    await expect(client.request({ method: 'POST', path: '/callbacks', body: {} })).rejects.toMatchObject({ retryable: true, vendorStatus: 500 });
    expect(seen).toHaveLength(1);

    const retried = failThenSucceed('post', '/callbacks', [() => new HttpResponse(null, { status: 500 })]);
    await expect(client.request({ method: 'POST', path: '/callbacks', body: {}, idempotent: true })).resolves.toMatchObject({ attempts: 2 });
    expect(retried).toHaveLength(2);
  });

  it('fails at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
    failThenSucceed('get', '/queues', [() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '3600' } })]);
    const { client, waits } = clientWith({ maxRetryAfterMs: 60_000 });
    await expect(client.request({ method: 'GET', path: '/queues' })).rejects.toMatchObject({ retryable: true, vendorStatus: 429 });
    expect(waits).toEqual([]);
  });

  it('turns an answer the parser rejects into a non-retryable AdapterError', async () => {
    failThenSucceed('get', '/queues', []);
    const { client } = clientWith();
    const parse = () => {
      throw new Error('id: expected number');
    };
    await expect(client.request({ method: 'GET', path: '/queues' }, parse)).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('id: expected number'),
    });
  });

  it('waits on the clock it is given and stops waiting when the call is aborted', async () => {
    const clock = createFakeClock();
    failThenSucceed('get', '/queues', [() => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '30' } })]);
    const { client } = clientWith({ sleep: sleepOnClock(clock) });
    const controller = new AbortController();
    const pending = client.request({ method: 'GET', path: '/queues', signal: controller.signal });
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(clock.pendingTimers()).toBe(1);
    controller.abort(new Error('adapter stopped'));
    await expect(pending).rejects.toThrow('adapter stopped');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('leaves no listener on a long-lived signal after its calls finish', async () => {
    failThenSucceed('get', '/queues', []);
    const { client } = clientWith();
    const controller = new AbortController();
    const added: string[] = [];
    const removed: string[] = [];
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added.push(args[0]);
      add(...args);
    }) as AbortSignal['addEventListener'];
    controller.signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
      removed.push(args[0]);
      remove(...args);
    }) as AbortSignal['removeEventListener'];
    for (let call = 0; call < 20; call++) await client.request({ method: 'GET', path: '/queues', signal: controller.signal });
    expect(added.length).toBe(20);
    expect(removed.length).toBe(added.length);
  });

  it.each([
    [401, 'credentials'],
    [403, 'credentials'],
    [404, 'does not know it'],
    [409, 'in its current state'],
    [400, 'in its current state'],
  ])('says what a refusal with %i means', async (status, hint) => {
    failThenSucceed('post', '/calls', [() => HttpResponse.json({ code: 'bad.request' }, { status })]);
    const { client } = clientWith();
    const refused = client.request({ method: 'POST', path: '/calls', body: {} });
    await expect(refused).rejects.toBeInstanceOf(AdapterError);
    await expect(refused).rejects.toMatchObject({ retryable: false, vendorStatus: status, message: expect.stringContaining(hint) });
  });
});
