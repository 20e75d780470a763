// Stylesheets first, so the cascade keeps this order whatever order the components load in: the
// document styles, then the CSS modules (each lives next to its component and is imported there too;
// these imports only fix the order, and keep the plain class names of the supervisor view loaded).
import './styles/base.css';
import './app/shell/workspace-shell.module.css';
import './app/presence/presence.module.css';
import './app/shell/banners.module.css';
import './app/global-voice-control/global-voice-control.module.css';
import './app/ui/card.module.css';
import './app/inbox/offers.module.css';
import './app/ui/facts.module.css';
import './app/interaction/interaction.module.css';
import './app/ui/badges.module.css';
import './app/ui/controls.module.css';
import './app/callbacks/tabs.module.css';
import './app/ui/table.module.css';
import './app/ui/modal-dialog.module.css';
import './app/sign-in/sign-in.module.css';
import './app/timeline/timeline.module.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserSession, createSignInGateway } from './app/session/create-browser-session';
import { createSessionTokenStorage } from './app/session/token-storage';

const tokens = createSessionTokenStorage();
const signIn = createSignInGateway(tokens.read);
/** Dev sign-in is the only way to get a token today: the session mints the next one the same way before this one expires. */
const refreshToken = (agentId: string) => async () => {
  const { token } = await signIn.devSignIn(agentId);
  tokens.write(token);
  return token;
};
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App signIn={signIn} tokens={tokens} openSession={(agent) => createBrowserSession({ getToken: tokens.read, refreshToken: refreshToken(agent.id), signedIn: agent })} />
  </StrictMode>,
);
