import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserSession, createSignInGateway } from './app/session/create-browser-session';
import { createSessionTokenStorage } from './app/session/token-storage';
import './styles.css';

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
