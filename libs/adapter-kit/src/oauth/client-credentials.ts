import { AdapterError, type Clock } from '@icc/core';
import { z } from 'zod';
import { createVendorHttpClient, type VendorHttpClient, type VendorHttpClientOptions, type VendorRequest } from '../http/create-vendor-http-client';
import { sleepOnClock } from '../http/sleep-on-clock';

/** The access token response of RFC 6749 §5.1, the fields a client-credentials grant reads. */
export const OAuthTokenResponse = z.looseObject({ access_token: z.string().min(1), token_type: z.string(), expires_in: z.number().positive() });

/** Client-credentials access tokens, cached until `refreshMarginMs` before they expire. */
export interface TokenSource {
  /** A valid token; concurrent callers during a refresh share the one request. */
  get(): Promise<string>;
  /** Forgets the token (the API answered 401), so the next `get` fetches a new one. */
  invalidate(): void;
  fetches(): number;
}

export interface TokenSourceOptions {
  /** A client on the login host; the grant is POSTed to `path` with HTTP Basic client authentication (RFC 6749 §2.3.1). */
  auth: VendorHttpClient;
  path: string;
  clientId: string;
  clientSecret: string;
  clock: Clock;
  refreshMarginMs: number;
  signal?: AbortSignal;
}

export function createClientCredentialsTokenSource(options: TokenSourceOptions): TokenSource {
  let cached: { token: string; refreshAt: number } | undefined;
  let refreshing: Promise<string> | undefined;
  let fetched = 0;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');

  const refresh = async (): Promise<string> => {
    const response = await options.auth.request(
      {
        method: 'POST',
        path: options.path,
        body: { grant_type: 'client_credentials' },
        headers: { authorization: `Basic ${basic}` },
        // Asking twice for a token is harmless.
        idempotent: true,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (body) => OAuthTokenResponse.parse(body),
    );
    fetched += 1;
    const lifetimeMs = response.body.expires_in * 1000;
    const margin = Math.min(options.refreshMarginMs, lifetimeMs / 2);
    cached = { token: response.body.access_token, refreshAt: options.clock.now() + lifetimeMs - margin };
    return cached.token;
  };

  return {
    get() {
      if (cached && options.clock.now() < cached.refreshAt) return Promise.resolve(cached.token);
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    invalidate() {
      cached = undefined;
    },
    fetches: () => fetched,
  };
}

/** The token endpoint takes a form body (RFC 6749 §4.4.2); the vendor HTTP client sends JSON, re-encoded here. */
export function formEncodingFetch(fetchImpl: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return fetchImpl(input, init);
    const fields = JSON.parse(init.body) as Record<string, string>;
    const headers = { ...(init.headers as Record<string, string>), 'content-type': 'application/x-www-form-urlencoded' };
    return fetchImpl(input, { ...init, headers, body: new URLSearchParams(fields).toString() });
  };
}

export interface OAuthVendorClientOptions extends Omit<VendorHttpClientOptions, 'baseUrl' | 'headers'> {
  /** The API host; every call carries `Authorization: Bearer <token>`. */
  baseUrl: string;
  /** The login host and the path of its token endpoint. */
  authUrl: string;
  tokenPath: string;
  clientId: string;
  clientSecret: string;
  clock: Clock;
  refreshMarginMs: number;
  /** The adapter's run: aborts every call and retry wait when it stops. */
  signal: AbortSignal;
}

export interface OAuthVendorClient {
  readonly tokens: TokenSource;
  /** The parsed 2xx body; a 401 (a token revoked or expired early) fetches a new token and tries once more. */
  call<Body = unknown>(request: Omit<VendorRequest, 'signal'>, parse?: (body: unknown) => Body): Promise<Body>;
}

/** A vendor API behind OAuth client credentials: the vendor HTTP client with a self-refreshing bearer token. */
export function createOAuthVendorClient(options: OAuthVendorClientOptions): OAuthVendorClient {
  const { authUrl, tokenPath, clientId, clientSecret, clock, refreshMarginMs, signal, ...http } = options;
  const shared = { ...http, sleep: http.sleep ?? sleepOnClock(clock), now: http.now ?? (() => clock.now()) };
  const fetchImpl = http.fetch ?? globalThis.fetch;
  const auth = createVendorHttpClient({ ...shared, baseUrl: authUrl, fetch: formEncodingFetch(fetchImpl) });
  const tokens = createClientCredentialsTokenSource({ auth, path: tokenPath, clientId, clientSecret, clock, refreshMarginMs, signal });
  const api = createVendorHttpClient({ ...shared, fetch: fetchImpl, headers: async () => ({ authorization: `Bearer ${await tokens.get()}` }) });
  return {
    tokens,
    async call(request, parse) {
      const send = () => api.request({ ...request, signal }, parse);
      try {
        return (await send()).body;
      } catch (error) {
        if (!(error instanceof AdapterError) || error.vendorStatus !== 401) throw error;
        tokens.invalidate();
        return (await send()).body;
      }
    },
  };
}
