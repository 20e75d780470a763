import type { VendorHttpClient } from '@icc/adapter-kit';
import { createFakeClock } from '@icc/core';
import { startSandbox, type StartedSandbox } from './genesys-sandbox.test-support';
import { createGenesysTokenSource } from './genesys-token-source';

function stubAuth() {
  const pending: Array<(token: string) => void> = [];
  const auth: VendorHttpClient = {
    request: jest.fn(
      () =>
        new Promise((resolve) => {
          pending.push((token) => resolve({ status: 200, headers: new Headers(), attempts: 1, body: { access_token: token, token_type: 'bearer', expires_in: 600 } }));
        }),
    ) as unknown as VendorHttpClient['request'],
  };
  return { auth, answer: (token: string) => pending.shift()?.(token) };
}

describe('createGenesysTokenSource', () => {
  it('shares one refresh between concurrent callers and caches the token', async () => {
    const clock = createFakeClock();
    const { auth, answer } = stubAuth();
    const tokens = createGenesysTokenSource({ auth, clientId: 'id', clientSecret: 'secret', clock, refreshMarginMs: 60_000 });
    const both = Promise.all([tokens.get(), tokens.get()]);
    answer('t-1');
    expect(await both).toEqual(['t-1', 't-1']);
    expect(await tokens.get()).toBe('t-1');
    expect(auth.request).toHaveBeenCalledTimes(1);
    expect(auth.request).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', path: '/oauth/token', body: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${Buffer.from('id:secret').toString('base64')}` } }),
      expect.any(Function),
    );
  });

  it('fetches a new token before the old one expires, and after invalidate', async () => {
    const clock = createFakeClock();
    const { auth, answer } = stubAuth();
    const tokens = createGenesysTokenSource({ auth, clientId: 'id', clientSecret: 'secret', clock, refreshMarginMs: 60_000 });
    const first = tokens.get();
    answer('t-1');
    await first;
    clock.advance(539_000);
    expect(await tokens.get()).toBe('t-1');
    clock.advance(1_000);
    const second = tokens.get();
    answer('t-2');
    expect(await second).toBe('t-2');
    tokens.invalidate();
    const third = tokens.get();
    answer('t-3');
    expect(await third).toBe('t-3');
    expect(tokens.fetches()).toBe(3);
  });
});

describe('token refresh against the simulated org', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('refetches an expiring token once, for concurrent calls, before the org would refuse it', async () => {
    sandbox = await startSandbox({ tokenLifetimeSeconds: 300 });
    const tokenRequests = () => sandbox.simulator.requests().filter((request) => request.endpoint === 'POST /oauth/token').length;
    expect(tokenRequests()).toBe(1);
    sandbox.world.clock.advance(250_000);
    const { ada, grace } = sandbox.world.agents;
    await Promise.all([sandbox.adapter.setPresence(ada.id, 'available'), sandbox.adapter.setPresence(grace.id, 'available')]);
    expect(tokenRequests()).toBe(2);
    expect(sandbox.simulator.controls.vendorCalls().filter((call) => call.status === 401)).toEqual([]);
  });
});
