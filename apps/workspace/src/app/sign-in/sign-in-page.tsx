import type { Agent, TokenResponse } from '@icc/protocol';
import { useEffect, useState } from 'react';
import { describeError } from '../session/describe-error';
import type { SignInGateway } from '../session/workspace-session';
import bannersCss from '../shell/banners.module.css';
import shellCss from '../shell/workspace-shell.module.css';
import signInCss from './sign-in.module.css';
import { cx } from '../ui/cx';

interface SignInPageProps {
  gateway: SignInGateway;
  onSignedIn(response: TokenResponse): void;
  /** Why the agent is here again, e.g. an expired token. */
  notice?: string;
}

type DemoAgents = { kind: 'loading' } | { kind: 'loaded'; agents: Agent[] } | { kind: 'failed'; message: string };

/** Development sign-in: pick one of the gateway's demo agents or the supervisor. */
export function SignInPage({ gateway, onSignedIn, notice }: SignInPageProps) {
  const [demoAgents, setDemoAgents] = useState<DemoAgents>({ kind: 'loading' });
  const [signingIn, setSigningIn] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    gateway.listDevAgents().then(
      (agents) => current && setDemoAgents({ kind: 'loaded', agents }),
      (failure: unknown) => current && setDemoAgents({ kind: 'failed', message: describeError(failure) }),
    );
    return () => {
      current = false;
    };
  }, [gateway]);

  async function signIn(agent: Agent): Promise<void> {
    setSigningIn(agent.id);
    setError(undefined);
    try {
      onSignedIn(await gateway.devSignIn(agent.id));
    } catch (failure) {
      setError(describeError(failure));
      setSigningIn(undefined);
    }
  }

  return (
    <main className={signInCss.signIn}>
      <div className={signInCss.signInPanel}>
        <p className={cx(shellCss.brand, shellCss.brandLarge)}>ICC Callbacks</p>
        <h1 className={signInCss.signInTitle}>Sign in to the agent workspace</h1>
        {notice && (
          <p role="status" className={cx(bannersCss.notice, bannersCss.noticeInfo)}>
            {notice}
          </p>
        )}
        <p className={signInCss.signInHint}>Development sign-in: pick a demo agent or the supervisor.</p>
        {demoAgents.kind === 'loading' && <p role="status">Loading demo agents…</p>}
        {demoAgents.kind === 'failed' && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Could not load the demo agents: {demoAgents.message}
          </p>
        )}
        {demoAgents.kind === 'loaded' && (
          <ul className={signInCss.signInAgents}>
            {demoAgents.agents.map((agent) => (
              <li key={agent.id}>
                <button
                  type="button"
                  className={signInCss.agentChoice}
                  disabled={signingIn !== undefined}
                  aria-describedby={`sign-in-${agent.id}-role`}
                  onClick={() => void signIn(agent)}
                >
                  <span className={signInCss.agentChoiceName}>Sign in as {agent.displayName}</span>
                  <span id={`sign-in-${agent.id}-role`} className={signInCss.agentChoiceRole} aria-hidden="true">
                    {agent.role === 'supervisor' ? 'Supervisor' : 'Agent'}
                    {agent.queueIds.length > 0 && ` · ${agent.queueIds.length} queue${agent.queueIds.length === 1 ? '' : 's'}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Sign-in failed: {error}
          </p>
        )}
      </div>
    </main>
  );
}
