import { createFakeClock } from '@icc/core';
import type { VendorHttpClient } from '../http/create-vendor-http-client';
import { createClientCredentialsTokenSource, createOAuthVendorClient } from './client-credentials';

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

const options = { path: '/oauth/token', clientId: 'id', clientSecret: 'secret', refreshMarginMs: 60_000 };

describe('createClientCredentialsTokenSource', () => {
  it('shares one refresh between concurrent callers and caches the token', async () => {
    const { auth, answer } = stubAuth();
    const tokens = createClientCredentialsTokenSource({ ...options, auth, clock: createFakeClock() });
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
    const tokens = createClientCredentialsTokenSource({ ...options, auth, clock });
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

describe('createOAuthVendorClient', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('posts the grant as a form, sends the bearer token, and on a 401 fetches a new token and tries once more', async () => {
    const seen: Array<{ url: string; authorization: string | undefined; contentType: string | undefined; body: unknown }> = [];
    let issued = 0;
    let refuseNext = false;
    const fetchImpl: typeof fetch = async (input, init) => {
      const headers = init?.headers as Record<string, string>;
      seen.push({ url: String(input), authorization: headers.authorization, contentType: headers['content-type'], body: init?.body });
      if (String(input).startsWith('https://login.example')) return json(200, { access_token: `t-${++issued}`, token_type: 'bearer', expires_in: 3600 });
      if (refuseNext) {
        refuseNext = false;
        return json(401, { code: 'bad.credentials' });
      }
      return json(200, { ok: headers.authorization });
    };
    const client = createOAuthVendorClient({
      vendor: 'example',
      baseUrl: 'https://api.example',
      authUrl: 'https://login.example',
      tokenPath: '/oauth/token',
      clientId: 'id',
      clientSecret: 'secret',
      clock: createFakeClock(),
      refreshMarginMs: 60_000,
      signal: new AbortController().signal,
      fetch: fetchImpl,
    });
    expect(await client.call({ method: 'GET', path: '/things' })).toEqual({ ok: 'Bearer t-1' });
    expect(seen[0]).toMatchObject({ url: 'https://login.example/oauth/token', contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' });
    refuseNext = true;
    expect(await client.call({ method: 'GET', path: '/things' })).toEqual({ ok: 'Bearer t-2' });
    expect(client.tokens.fetches()).toBe(2);
    expect(seen.map((request) => request.url)).toEqual([
      'https://login.example/oauth/token',
      'https://api.example/things',
      'https://api.example/things',
      'https://login.example/oauth/token',
      'https://api.example/things',
    ]);
  });
});
