import type { Agent, OidcSignInConfig, TokenResponse } from '@icc/protocol';
import { useEffect, useRef, useState } from 'react';
import { describeError } from './session/describe-error';
import type { OidcSignIn } from './session/oidc-sign-in';
import { completeProviderSignIn, restoreSignIn, type SignedIn } from './session/resume-sign-in';
import { SessionProvider } from './session/session-context';
import type { TokenStorage } from './session/token-storage';
import type { SignedInVia, SignInGateway, WorkspaceSession } from './session/workspace-session';
import { WorkspaceShell } from './shell/workspace-shell';
import { SignInPage } from './sign-in/sign-in-page';
import shellCss from './shell/workspace-shell.module.css';

export interface AppProps {
  signIn: SignInGateway;
  tokens: TokenStorage;
  openSession(agent: Agent, via: SignedInVia): WorkspaceSession;
  /** The OpenID Connect flow for the provider `GET /v1/auth/config` names. */
  oidcFor?: (config: OidcSignInConfig) => OidcSignIn;
  /** Set when the page is the provider's redirect back (`/auth/callback?code=…`): the sign-in is completed first. */
  callbackUrl?: string;
}

type AppState =
  | { kind: 'completing-sign-in' }
  | { kind: 'restoring' }
  | { kind: 'signing-out' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'signed-in'; session: WorkspaceSession; via: SignedInVia };

const DEV: SignedInVia = { kind: 'dev' };
const SPLASH = { 'completing-sign-in': 'Completing sign-in…', restoring: 'Restoring your session…', 'signing-out': 'Signing you out…' };

/** Sign-in gate: completes a provider's redirect, restores the tab's token, or shows the sign-in page; then the workspace. */
export function App({ signIn, tokens, openSession, oidcFor, callbackUrl }: AppProps) {
  const [state, setState] = useState<AppState>(() =>
    callbackUrl !== undefined ? { kind: 'completing-sign-in' } : tokens.read() === undefined ? { kind: 'signed-out' } : { kind: 'restoring' },
  );
  // One attempt per state, shared by StrictMode's second effect run: an authorization code can be redeemed only once.
  const attempt = useRef<{ for: AppState; signedIn: Promise<SignedIn> } | undefined>(undefined);

  useEffect(() => {
    if (state.kind !== 'completing-sign-in' && state.kind !== 'restoring') return;
    let current = true;
    const completing = state.kind === 'completing-sign-in';
    if (attempt.current?.for !== state) {
      const deps = { signIn, tokens, ...(oidcFor ? { oidcFor } : {}) };
      const signedIn = completing ? completeProviderSignIn(deps, callbackUrl ?? window.location.href) : restoreSignIn(deps);
      // The code and state must not stay in the address bar (nor be redeemed again on reload).
      if (completing) void signedIn.catch(() => undefined).finally(() => window.history.replaceState(null, '', '/'));
      attempt.current = { for: state, signedIn };
    }
    attempt.current.signedIn.then(
      ({ via, agent }) => current && setState({ kind: 'signed-in', session: openSession(agent, via), via }),
      (error: unknown) => {
        if (!current) return;
        tokens.clear();
        setState({ kind: 'signed-out', notice: completing ? `Sign-in failed: ${describeError(error)}` : `Please sign in again (${describeError(error)}).` });
      },
    );
    return () => {
      current = false;
    };
  }, [state, signIn, tokens, openSession, oidcFor, callbackUrl]);

  function signedIn(response: TokenResponse): void {
    tokens.write(response.token);
    setState({ kind: 'signed-in', session: openSession(response.agent, DEV), via: DEV });
  }

  function startOidcSignIn(config: OidcSignInConfig): Promise<void> {
    if (!oidcFor) return Promise.reject(new Error('OpenID Connect sign-in is not available in this build'));
    return oidcFor(config).start();
  }

  function signOut(session: WorkspaceSession, via: SignedInVia): void {
    session.close();
    tokens.clear();
    window.location.hash = '';
    if (via.kind === 'dev') {
      setState({ kind: 'signed-out', notice: 'You signed out.' });
      return;
    }
    // The provider's session ends too, or the next "Sign in" would come straight back as the same agent.
    setState({ kind: 'signing-out' });
    via.oidc
      .signOut()
      .catch((error: unknown) => setState({ kind: 'signed-out', notice: `You signed out here, but not at the identity provider (${describeError(error)}).` }));
  }

  if (state.kind === 'completing-sign-in' || state.kind === 'restoring' || state.kind === 'signing-out') {
    return (
      <p role="status" className={shellCss.splash}>
        {SPLASH[state.kind]}
      </p>
    );
  }
  if (state.kind === 'signed-out') {
    return <SignInPage gateway={signIn} onSignedIn={signedIn} onOidcSignIn={startOidcSignIn} notice={state.notice} />;
  }
  const { session, via } = state;
  return (
    <SessionProvider session={session}>
      <WorkspaceShell onSignOut={() => signOut(session, via)} />
    </SessionProvider>
  );
}
