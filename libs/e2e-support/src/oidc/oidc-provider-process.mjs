// A real OpenID provider (the certified `oidc-provider` package) for the test suites, run as a
// child process because the package is ESM-only and Jest runs CommonJS. Driven over IPC:
//   → { type: 'configure', config }          ← { type: 'configured' }  (also how keys are rotated)
//   → { type: 'sign-in', request }           ← { type: 'signed-in', tokens } | { type: 'failed', message }
//   → { type: 'stats' }                      ← { type: 'stats', jwksRequests }
//   ← { type: 'listening', issuer }          once, at start (port 0 unless ICC_TEST_OIDC_PORT)
// Login and consent are the package's own development pages: any login name signs in as that account.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

let provider;
let jwksRequests = 0;
const server = createServer((req, res) => {
  if (req.url?.startsWith('/jwks')) jwksRequests++;
  if (!provider) {
    res.writeHead(503).end('not configured yet');
    return;
  }
  provider.callback()(req, res);
});

/** @param config {{ clients: object[], keys: object[], audience: string, resourceScope: string, accessTokenTtlSeconds: number, accounts: Record<string, { claims?: object, accessTokenClaims?: object }> }} */
function configure(issuer, config) {
  const accountOf = (id) => config.accounts[id] ?? {};
  const next = new Provider(issuer, {
    clients: config.clients.map((client) => ({
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      ...client,
    })),
    jwks: { keys: config.keys },
    cookies: { keys: ['icc-test-provider-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: () => ({ sub: id, preferred_username: id, ...accountOf(id).claims }) };
    },
    extraTokenClaims: (_ctx, token) => accountOf(token.accountId).accessTokenClaims,
    // The workspace redeems codes and refresh tokens from the browser: a public client's redirect URI origins may call
    // the token endpoint cross-origin (8.x refuses every CORS origin unless told; 9.x made this its default).
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientAuthMethod === 'none' && client.redirectUris.some((uri) => new URL(uri).origin === origin),
    // Refresh tokens for the public client without the offline_access consent dance.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: config.accessTokenTtlSeconds },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Access tokens are JWTs for the ICC gateway even when the client names no resource, as with Okta's default server.
        defaultResource: () => config.audience,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator) {
          if (indicator !== config.audience) throw new errors.InvalidTarget();
          return { scope: config.resourceScope, audience: config.audience, accessTokenFormat: 'jwt', accessTokenTTL: config.accessTokenTtlSeconds };
        },
      },
    },
  });
  next.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));
  provider = next;
}

/** The browser's part of the authorization code + PKCE flow, over HTTP: login page, consent page, token endpoint. */
async function signIn(issuer, { login, clientId, redirectUri, scope }) {
  const cookies = new Map();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const start = new URL('/auth', issuer);
  start.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  let url = start.href;
  let form;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(redirectUri)) {
      const answer = new URL(url).searchParams;
      const code = answer.get('code');
      if (!code) throw new Error(`no code: ${answer.get('error')} ${answer.get('error_description')}`);
      const token = await fetch(new URL('/token', issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
      });
      const tokens = await token.json();
      if (!token.ok) throw new Error(`token endpoint: ${JSON.stringify(tokens)}`);
      return tokens;
    }
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: new URLSearchParams(form) } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    form = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (response.status !== 200 || !prompt) throw new Error(`unexpected page at ${url} (${response.status}): ${page.slice(0, 300)}`);
    form = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
  }
  throw new Error('the sign-in did not reach the redirect URI');
}

server.listen(Number(process.env.ICC_TEST_OIDC_PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  process.on('message', (message) => {
    switch (message.type) {
      case 'configure':
        configure(issuer, message.config);
        process.send({ type: 'configured' });
        return;
      case 'sign-in':
        signIn(issuer, message.request).then(
          (tokens) => process.send({ type: 'signed-in', tokens }),
          (error) => process.send({ type: 'failed', message: error.message }),
        );
        return;
      case 'stats':
        process.send({ type: 'stats', jwksRequests });
        return;
    }
  });
  process.on('disconnect', () => server.close(() => process.exit(0)));
  process.send({ type: 'listening', issuer });
});
