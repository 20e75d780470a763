import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeClock, IccError, silentLogger } from '@icc/core';
import { createOidcAccessTokens } from './oidc-access-tokens';
import type { OidcSettings } from './oidc-settings';

/** A discovery endpoint answering `document(its own URL)`. */
async function discoveryServer(document: (url: string) => object): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(document(url)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server };
}

describe('OIDC access tokens: provider problems are named, in the log at start and in the refusal', () => {
  const settings = (issuer: string): OidcSettings => ({ issuer, audience: 'urn:icc', clientId: 'ws', scopes: 'openid', agentClaim: 'sub', supervisorValues: [] });
  const warnings: string[] = [];
  const logger = { ...silentLogger, warn: (_object: object, message?: string) => void warnings.push(message ?? '') };
  const deps = { clock: createFakeClock('2026-03-10T09:00:00Z'), getAgent: async () => undefined, logger };
  // Any well-formed JWT: the provider is asked before the token's signature is looked at.
  const token = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhZ2VudC1hZGEifQ.c2lnbmF0dXJl';
  let servers: Server[] = [];
  afterEach(async () => {
    warnings.length = 0;
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    servers = [];
  });

  it('warns once at start when the discovery document cannot be read, and refuses tokens with that reason', async () => {
    // A port that was just free: nothing listens there any more.
    const { url, server } = await discoveryServer(() => ({}));
    await new Promise((resolve) => server.close(resolve));
    const tokens = createOidcAccessTokens(settings(url), deps);
    await tokens.warmUp();
    expect(warnings).toEqual([expect.stringContaining(`discovery document ${url}/.well-known/openid-configuration could not be read`)]);
    const refusal = await tokens.verify(token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(IccError);
    expect(refusal).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('could not be read') });
  });

  it('refuses a discovery document for another issuer (a trailing slash, a wrong tenant)', async () => {
    const { url, server } = await discoveryServer((self) => ({ issuer: `${self}/`, jwks_uri: `${self}/jwks` }));
    servers.push(server);
    const tokens = createOidcAccessTokens(settings(url), deps);
    await tokens.warmUp();
    expect(warnings).toEqual([expect.stringContaining(`names issuer "${url}/", not ${url}`)]);
  });
});
