import type { Agent, OidcSignInConfig, SignInConfig, TokenResponse } from '@icc/protocol';
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
  /** Leaves for the identity provider's sign-in page. */
  onOidcSignIn(config: OidcSignInConfig): Promise<void>;
  /** Why the agent is here again, e.g. an expired token. */
  notice?: string;
}

type Loaded<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; message: string };

/** Sign-in with the deployment's identity provider (when configured) and, in development, as a demo agent. */
export function SignInPage({ gateway, onSignedIn, onOidcSignIn, notice }: SignInPageProps) {
  const [config, setConfig] = useState<Loaded<SignInConfig>>({ kind: 'loading' });
  const [demoAgents, setDemoAgents] = useState<Loaded<Agent[]>>({ kind: 'loading' });
  const [signingIn, setSigningIn] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    gateway.signInConfig().then(
      (value) => {
        if (!current) return;
        setConfig({ kind: 'loaded', value });
        if (!value.devSignIn) return;
        gateway.listDevAgents().then(
          (agents) => current && setDemoAgents({ kind: 'loaded', value: agents }),
          (failure: unknown) => current && setDemoAgents({ kind: 'failed', message: describeError(failure) }),
        );
      },
      (failure: unknown) => current && setConfig({ kind: 'failed', message: describeError(failure) }),
    );
    return () => {
      current = false;
    };
  }, [gateway]);

  async function attempt(who: string, signIn: () => Promise<void>): Promise<void> {
    setSigningIn(who);
    setError(undefined);
    try {
      await signIn();
    } catch (failure) {
      setError(describeError(failure));
      setSigningIn(undefined);
    }
  }

  const oidc = config.kind === 'loaded' ? config.value.oidc : undefined;
  const devSignIn = config.kind === 'loaded' && config.value.devSignIn;
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
        {config.kind === 'loading' && <p role="status">Loading the sign-in options…</p>}
        {config.kind === 'failed' && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Could not reach the gateway: {config.message}
          </p>
        )}
        {config.kind === 'loaded' && !oidc && !devSignIn && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            No sign-in is configured: ask an administrator to set ICC_OIDC_ISSUER on the gateway.
          </p>
        )}
        {oidc && (
          <button type="button" className={signInCss.agentChoice} disabled={signingIn !== undefined} onClick={() => void attempt('oidc', () => onOidcSignIn(oidc))}>
            <span className={signInCss.agentChoiceName}>Sign in with your organization account</span>
          </button>
        )}
        {devSignIn && <p className={signInCss.signInHint}>Development sign-in: pick a demo agent or the supervisor.</p>}
        {devSignIn && demoAgents.kind === 'loading' && <p role="status">Loading demo agents…</p>}
        {devSignIn && demoAgents.kind === 'failed' && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Could not load the demo agents: {demoAgents.message}
          </p>
        )}
        {devSignIn && demoAgents.kind === 'loaded' && (
          <ul className={signInCss.signInAgents}>
            {demoAgents.value.map((agent) => (
              <li key={agent.id}>
                <button
                  type="button"
                  className={signInCss.agentChoice}
                  disabled={signingIn !== undefined}
                  aria-describedby={`sign-in-${agent.id}-role`}
                  onClick={() => void attempt(agent.id, async () => onSignedIn(await gateway.devSignIn(agent.id)))}
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
