import type { Agent, OidcSignInConfig } from '@icc/protocol';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserSession, createSignInGateway } from './app/session/create-browser-session';
import { createOidcSignIn, OIDC_CALLBACK_PATH, type OidcSignIn } from './app/session/oidc-sign-in';
import { createSessionTokenStorage } from './app/session/token-storage';
import type { SignedInVia } from './app/session/workspace-session';
// The stylesheets live next to their components; imported here once, in cascade order.
import './styles/base.css';
import './app/shell/workspace-shell.css';
import './app/presence/presence.css';
import './app/shell/banners.css';
import './app/global-voice-control/global-voice-control.css';
import './app/ui/card.css';
import './app/inbox/offers.css';
import './app/ui/facts.css';
import './app/interaction/interaction.css';
import './app/ui/badges.css';
import './app/ui/controls.css';
import './app/callbacks/tabs.css';
import './app/ui/table.css';
import './app/ui/modal-dialog.css';
import './app/sign-in/sign-in.css';

const tokens = createSessionTokenStorage();
const signIn = createSignInGateway(tokens.read);
const oidcFor = oneFlowPerProvider(createOidcSignIn);
/** The session refreshes its token the way the tab signed in, shortly before the gateway would end the stream. */
const refreshToken = (agent: Agent, via: SignedInVia) => async () => {
  const token = via.kind === 'oidc' ? await via.oidc.refresh() : (await signIn.devSignIn(agent.id)).token;
  if (token) tokens.write(token);
  return token;
};
const callbackUrl = window.location.pathname === OIDC_CALLBACK_PATH ? window.location.href : undefined;
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App
      signIn={signIn}
      tokens={tokens}
      oidcFor={oidcFor}
      {...(callbackUrl === undefined ? {} : { callbackUrl })}
      openSession={(agent, via) => createBrowserSession({ getToken: tokens.read, refreshToken: refreshToken(agent, via), signedIn: agent })}
    />
  </StrictMode>,
);

function oneFlowPerProvider(create: (config: OidcSignInConfig) => OidcSignIn): (config: OidcSignInConfig) => OidcSignIn {
  const flows = new Map<string, OidcSignIn>();
  return (config) => {
    const key = JSON.stringify(config);
    const flow = flows.get(key) ?? create(config);
    flows.set(key, flow);
    return flow;
  };
}
