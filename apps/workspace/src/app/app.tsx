import type { Agent, TokenResponse } from '@icc/protocol';
import { useEffect, useState } from 'react';
import { describeError } from './session/describe-error';
import { SessionProvider } from './session/session-context';
import type { TokenStorage } from './session/token-storage';
import type { SignInGateway, WorkspaceSession } from './session/workspace-session';
import { WorkspaceShell } from './shell/workspace-shell';
import { SignInPage } from './sign-in/sign-in-page';
import shellCss from './shell/workspace-shell.module.css';

export interface AppProps {
  signIn: SignInGateway;
  tokens: TokenStorage;
  openSession(agent: Agent): WorkspaceSession;
}

type AppState =
  | { kind: 'restoring' }
  | { kind: 'signed-out'; notice?: string }
  | { kind: 'signed-in'; session: WorkspaceSession };

/** Sign-in gate: restores the tab's token, or shows the sign-in page; then the workspace. */
export function App({ signIn, tokens, openSession }: AppProps) {
  const [state, setState] = useState<AppState>(() =>
    tokens.read() === undefined ? { kind: 'signed-out' } : { kind: 'restoring' },
  );

  useEffect(() => {
    if (state.kind !== 'restoring') return;
    let current = true;
    signIn.me().then(
      (agent) => current && setState({ kind: 'signed-in', session: openSession(agent) }),
      (error: unknown) => {
        if (!current) return;
        tokens.clear();
        setState({ kind: 'signed-out', notice: `Please sign in again (${describeError(error)}).` });
      },
    );
    return () => {
      current = false;
    };
  }, [state.kind, signIn, tokens, openSession]);

  function signedIn(response: TokenResponse): void {
    tokens.write(response.token);
    setState({ kind: 'signed-in', session: openSession(response.agent) });
  }

  function signOut(session: WorkspaceSession): void {
    session.close();
    tokens.clear();
    window.location.hash = '';
    setState({ kind: 'signed-out', notice: 'You signed out.' });
  }

  if (state.kind === 'restoring') {
    return (
      <p role="status" className={shellCss.splash}>
        Restoring your session…
      </p>
    );
  }
  if (state.kind === 'signed-out') {
    return <SignInPage gateway={signIn} onSignedIn={signedIn} notice={state.notice} />;
  }
  const { session } = state;
  return (
    <SessionProvider session={session}>
      <WorkspaceShell onSignOut={() => signOut(session)} />
    </SessionProvider>
  );
}
