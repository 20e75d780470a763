import type { Clock } from '@icc/core';
import type { VendorHttpClient } from '@icc/adapter-kit';
import { GenesysTokenResponse } from './genesys-schemas';

export interface GenesysTokenSourceOptions {
  /** A client on the region's login host (`authUrl`). */
  auth: VendorHttpClient;
  clientId: string;
  clientSecret: string;
  clock: Clock;
  /** The token is replaced this long before it expires. */
  refreshMarginMs: number;
  signal?: AbortSignal;
}

/** OAuth client-credentials access tokens for the Platform API, cached until shortly before they expire. */
export interface GenesysTokenSource {
  /** A valid token; concurrent callers during a refresh share the one request. */
  get(): Promise<string>;
  /** Forgets the token (the API answered 401), so the next `get` fetches a new one. */
  invalidate(): void;
  /** How many tokens were fetched (observability, tests). */
  fetches(): number;
}

export function createGenesysTokenSource(options: GenesysTokenSourceOptions): GenesysTokenSource {
  let cached: { token: string; refreshAt: number } | undefined;
  let refreshing: Promise<string> | undefined;
  let fetched = 0;
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');

  const refresh = async (): Promise<string> => {
    const response = await options.auth.request(
      {
        method: 'POST',
        path: '/oauth/token',
        body: { grant_type: 'client_credentials' },
        headers: { authorization: `Basic ${basic}` },
        // Asking twice for a token is harmless.
        idempotent: true,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      (body) => GenesysTokenResponse.parse(body),
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

/**
 * `fetch` for the login host: the token endpoint wants a form body, while the shared vendor HTTP
 * client always sends JSON, so the JSON object it built is re-encoded here.
 */
export function formEncodingFetch(fetchImpl: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return fetchImpl(input, init);
    const fields = JSON.parse(init.body) as Record<string, string>;
    const headers = { ...(init.headers as Record<string, string>), 'content-type': 'application/x-www-form-urlencoded' };
    return fetchImpl(input, { ...init, headers, body: new URLSearchParams(fields).toString() });
  };
}
