import { startOidcProvider, type TestOidcProvider } from '@icc/e2e-support';
import { exportJWK, generateKeyPair } from 'jose';
import { agentToken, requestCallback } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { waitFor } from './support/wait-for';
import { goAvailable, offerCard, waitForOnline } from './support/workspace-ui';

const AUDIENCE = 'urn:icc:gateway';
const CLIENT_ID = 'icc-workspace';
/** Short, so the test sees the workspace renew the token before the gateway would end the stream. */
const ACCESS_TOKEN_TTL_SECONDS = 20;

describe('sign-in through an OpenID provider in the browser', () => {
  let provider: TestOidcProvider | undefined;
  const issuer = () => {
    if (!provider) throw new Error('the provider did not start');
    return provider.issuer;
  };
  beforeAll(async () => {
    provider = await startOidcProvider();
  });
  const e2e = useE2eContext('oidc-sign-in', () => ({
    env: { ICC_OIDC_ISSUER: issuer(), ICC_OIDC_AUDIENCE: AUDIENCE, ICC_OIDC_CLIENT_ID: CLIENT_ID, ICC_OIDC_SCOPES: 'openid profile icc' },
  }));
  beforeAll(async () => {
    const { gateway } = e2e();
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    await provider?.configure({
      clients: [{ client_id: CLIENT_ID, redirect_uris: [`${gateway.url}/auth/callback`], post_logout_redirect_uris: [`${gateway.url}/`] }],
      keys: [{ ...(await exportJWK(privateKey)), kid: 'e2e-key', alg: 'RS256', use: 'sig' }],
      audience: AUDIENCE,
      resourceScope: 'icc',
      accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS,
      accounts: {},
    });
  });
  afterAll(async () => {
    await provider?.stop();
  });

  it("signs in on the provider's login and consent pages, keeps the stream past the token's expiry, and signs out there", async () => {
    const { gateway, page, shot, pageErrors } = e2e();
    // The provider's development pages load web fonts (unreachable here) and have no favicon: only the workspace's errors count.
    const workspaceErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith(gateway.url)) workspaceErrors.push(message.text());
    });
    await page.goto(gateway.url);
    await page.getByRole('button', { name: 'Sign in with your organization account' }).click();

    const login = page.getByPlaceholder('Enter any login');
    await waitFor(login);
    expect(new URL(page.url()).origin).toBe(issuer());
    await shot('provider-login-page');
    await login.fill('agent-ada');
    await page.getByPlaceholder('and password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await shot('provider-consent-page');
    await page.getByRole('button', { name: 'Continue' }).click();

    await waitFor(page.getByRole('heading', { level: 1, name: 'Inbox' }));
    await waitForOnline(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain('code=');
    const firstToken = await agentToken(page);
    expect(JSON.parse(Buffer.from(firstToken.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({ iss: issuer(), aud: AUDIENCE, sub: 'agent-ada' });
    await goAvailable(page);
    await shot('inbox-after-provider-sign-in');

    // Past the first token's life: the stream renewed it (refresh token) instead of being closed for expiry.
    await page.waitForTimeout((ACCESS_TOKEN_TTL_SECONDS + 4) * 1000);
    expect(await agentToken(page)).not.toBe(firstToken);
    await waitForOnline(page);
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Ines', lastName: 'Moreau', phoneNumbers: ['+14155550133'], timeZone: 'Europe/Paris' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Offered after the token was renewed',
    });
    await waitFor(offerCard(page, 'Ines Moreau'));
    await shot('offer-after-token-renewal');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await waitFor(page.getByRole('button', { name: 'Sign in with your organization account' }));
    expect(new URL(page.url()).origin).toBe(gateway.url);
    expect(await page.evaluate(() => window.sessionStorage.getItem('icc.workspace.token'))).toBeNull();

    // The provider's session ended too: signing in again asks for the login, rather than coming straight back.
    await page.getByRole('button', { name: 'Sign in with your organization account' }).click();
    await waitFor(page.getByPlaceholder('Enter any login'));
    await shot('provider-login-after-sign-out');
    expect(pageErrors.filter((error) => error.startsWith('pageerror'))).toEqual([]);
    expect(workspaceErrors).toEqual([]);
  });
});
