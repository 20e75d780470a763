import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleAgent, exampleSupervisor, type Agent } from '@icc/protocol';
import { createFakeSession, gatewayError, type FakeSession } from '../testing/fake-session';
import { offeredInteraction } from '../testing/fixtures';
import { App } from './app';
import type { TokenStorage } from './session/token-storage';
import type { OidcSignIn } from './session/oidc-sign-in';
import type { SignedInVia, SignInGateway } from './session/workspace-session';

const PROVIDER = { issuer: 'https://login.example.com', clientId: 'icc-workspace', scopes: 'openid profile offline_access' };

/** Records what the App asks of the OpenID Connect flow; `oidc-sign-in.ts` itself runs in the browser suite. */
function fakeOidc(overrides: Partial<OidcSignIn> = {}) {
  const calls: string[] = [];
  const flow: OidcSignIn = {
    start: async () => void calls.push('start'),
    complete: async (url) => (calls.push(`complete ${url}`), 'provider-access-token'),
    hasUser: async () => true,
    refresh: async () => 'refreshed-access-token',
    signOut: async () => void calls.push('signOut'),
    ...overrides,
  };
  return { flow, calls, oidcFor: jest.fn(() => flow) };
}

function memoryTokens(initial?: string): TokenStorage & { value: string | undefined } {
  const tokens = {
    value: initial,
    read: () => tokens.value,
    write: (token: string) => {
      tokens.value = token;
    },
    clear: () => {
      tokens.value = undefined;
    },
  };
  return tokens;
}

function gateway(overrides: Partial<SignInGateway> = {}): SignInGateway {
  return {
    signInConfig: async () => ({ devSignIn: true }),
    listDevAgents: async () => [exampleAgent(), exampleSupervisor()],
    devSignIn: async (agentId) => ({
      token: `token-${agentId}`,
      agent: agentId === exampleSupervisor().id ? exampleSupervisor() : exampleAgent(),
      expiresAt: '2026-03-10T22:00:00Z',
    }),
    me: async () => exampleAgent(),
    ...overrides,
  };
}

describe('App', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('signs in as a demo agent, opens the inbox and signs out again', async () => {
    const user = userEvent.setup();
    const tokens = memoryTokens();
    const sessions: FakeSession[] = [];
    const openSession = (agent: Agent) => {
      const session = createFakeSession({ state: { me: agent, interactions: [offeredInteraction()] } });
      sessions.push(session);
      return session;
    };
    render(<App signIn={gateway()} tokens={tokens} openSession={openSession} />);

    await user.click(await screen.findByRole('button', { name: 'Sign in as Ada Lovelace' }));

    expect(tokens.value).toBe('token-agent-ada');
    expect(screen.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Global Voice Control' })).toBeVisible();
    expect(screen.getByRole('article', { name: 'Maya Lindqvist' })).toBeVisible();
    expect(screen.getByRole('link', { name: /^Inbox/ })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('link', { name: 'Supervisor' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(tokens.value).toBeUndefined();
    expect(sessions[0]?.getConnectionStatus()).toBe('closed');
    expect(await screen.findByText('You signed out.')).toBeVisible();
  });

  it('restores the tab session from the stored token', async () => {
    const tokens = memoryTokens('token-sup-linus');
    render(
      <App
        signIn={gateway({ me: async () => exampleSupervisor() })}
        tokens={tokens}
        openSession={(agent) => createFakeSession({ state: { me: agent } })}
      />,
    );
    expect(screen.getByText('Restoring your session…')).toBeVisible();
    expect(await screen.findByRole('heading', { level: 1, name: 'Supervisor' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Supervisor' })).toHaveAttribute('aria-current', 'page');
  });

  it('asks to sign in again when the stored token is refused', async () => {
    const tokens = memoryTokens('expired');
    render(
      <App
        signIn={gateway({ me: async () => Promise.reject(gatewayError('unauthorized', 'Token expired', 401)) })}
        tokens={tokens}
        openSession={() => createFakeSession()}
      />,
    );
    expect(await screen.findByText('Please sign in again (Token expired).')).toBeVisible();
    expect(tokens.value).toBeUndefined();
  });

  it('navigates between pages with the hash', async () => {
    const user = userEvent.setup();
    render(<App signIn={gateway()} tokens={memoryTokens()} openSession={(agent) => createFakeSession({ state: { me: agent } })} />);
    await user.click(await screen.findByRole('button', { name: 'Sign in as Ada Lovelace' }));

    await user.click(screen.getByRole('link', { name: 'My callbacks' }));

    expect(window.location.hash).toBe('#/callbacks');
    expect(await screen.findByRole('heading', { level: 1, name: 'My callbacks' })).toHaveFocus();
  });

  it('shows why the demo agents could not be loaded', async () => {
    render(
      <App
        signIn={gateway({ listDevAgents: async () => Promise.reject(gatewayError('network_error', 'Is the gateway running?', 0)) })}
        tokens={memoryTokens()}
        openSession={() => createFakeSession()}
      />,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the demo agents: Is the gateway running?');
  });

  describe('with an OpenID Connect provider', () => {
    const withProvider = (overrides: Partial<SignInGateway> = {}) => gateway({ signInConfig: async () => ({ devSignIn: false, oidc: PROVIDER }), ...overrides });

    it('offers the provider sign-in, and no demo agents when the gateway has dev sign-in off', async () => {
      const user = userEvent.setup();
      const listDevAgents = jest.fn(async () => [exampleAgent()]);
      const { oidcFor, calls } = fakeOidc();
      render(<App signIn={withProvider({ listDevAgents })} tokens={memoryTokens()} oidcFor={oidcFor} openSession={() => createFakeSession()} />);

      await user.click(await screen.findByRole('button', { name: 'Sign in with your organization account' }));

      expect(oidcFor).toHaveBeenCalledWith(PROVIDER);
      expect(calls).toEqual(['start']);
      expect(listDevAgents).not.toHaveBeenCalled();
      expect(screen.queryByText(/Development sign-in/)).toBeNull();
    });

    it('completes the redirect back from the provider, opens the workspace, and signs out at the provider too', async () => {
      const user = userEvent.setup();
      const tokens = memoryTokens();
      const { oidcFor, calls, flow } = fakeOidc();
      const vias: SignedInVia[] = [];
      const callbackUrl = 'http://localhost/auth/callback?code=abc&state=xyz';
      const openSession = (agent: Agent, via: SignedInVia) => {
        vias.push(via);
        return createFakeSession({ state: { me: agent } });
      };
      render(<App signIn={withProvider()} tokens={tokens} oidcFor={oidcFor} callbackUrl={callbackUrl} openSession={openSession} />);
      expect(screen.getByText('Completing sign-in…')).toBeVisible();
      expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
      expect(tokens.value).toBe('provider-access-token');
      expect(calls).toEqual([`complete ${callbackUrl}`]);
      expect(vias).toEqual([{ kind: 'oidc', oidc: flow }]);
      expect(window.location.pathname).toBe('/');

      await user.click(screen.getByRole('button', { name: 'Sign out' }));
      expect(tokens.value).toBeUndefined();
      expect(calls.at(-1)).toBe('signOut');
      expect(screen.getByText('Signing you out…')).toBeVisible();
    });

    it('shows why the gateway refused the provider token (an agent unknown to ICC)', async () => {
      const tokens = memoryTokens();
      const { oidcFor } = fakeOidc();
      const me = async () => Promise.reject(gatewayError('unknown_agent', 'The access token names "mallory" in "sub", which is no ICC agent', 403));
      render(<App signIn={withProvider({ me })} tokens={tokens} oidcFor={oidcFor} callbackUrl="http://localhost/auth/callback?code=abc" openSession={() => createFakeSession()} />);
      expect(await screen.findByText('Sign-in failed: The access token names "mallory" in "sub", which is no ICC agent')).toBeVisible();
      expect(tokens.value).toBeUndefined();
      expect(await screen.findByRole('button', { name: 'Sign in with your organization account' })).toBeEnabled();
    });

    it('restores a provider session after a reload so it refreshes and signs out there', async () => {
      const { oidcFor, flow } = fakeOidc();
      const vias: SignedInVia[] = [];
      const openSession = (agent: Agent, via: SignedInVia) => {
        vias.push(via);
        return createFakeSession({ state: { me: agent } });
      };
      render(<App signIn={withProvider()} tokens={memoryTokens('provider-access-token')} oidcFor={oidcFor} openSession={openSession} />);
      expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
      expect(vias).toEqual([{ kind: 'oidc', oidc: flow }]);
    });

    it('says so when no sign-in is configured at all', async () => {
      render(<App signIn={gateway({ signInConfig: async () => ({ devSignIn: false }) })} tokens={memoryTokens()} openSession={() => createFakeSession()} />);
      expect(await screen.findByRole('alert')).toHaveTextContent('No sign-in is configured');
    });
  });
});
