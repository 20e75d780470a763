import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleAgent, exampleSupervisor, type Agent } from '@icc/protocol';
import { createFakeSession, gatewayError, type FakeSession } from '../testing/fake-session';
import { offeredInteraction } from '../testing/fixtures';
import { App } from './app';
import type { TokenStorage } from './session/token-storage';
import type { SignInGateway } from './session/workspace-session';

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
});
