import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createBrowserSession, createSignInGateway } from './app/session/create-browser-session';
import { createSessionTokenStorage } from './app/session/token-storage';
import './styles.css';

const tokens = createSessionTokenStorage();
const signIn = createSignInGateway(tokens.read);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App signIn={signIn} tokens={tokens} openSession={(agent) => createBrowserSession({ getToken: tokens.read, signedIn: agent })} />
  </StrictMode>,
);
