import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserSession, createSignInGateway } from './app/session/create-browser-session';
import { createSessionTokenStorage } from './app/session/token-storage';
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
import './app/timeline/timeline.css';

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
