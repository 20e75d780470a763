import type { OidcSignInConfig } from '@icc/protocol';
import type { UserManager } from 'oidc-client-ts';

/** Where the provider sends the agent back with the authorization code (the gateway serves the workspace there). */
export const OIDC_CALLBACK_PATH = '/auth/callback';

/** Sign-in through the deployment's OpenID provider: authorization code + PKCE, by `oidc-client-ts`. */
export interface OidcSignIn {
  /** Leaves the page for the provider's sign-in. */
  start(): Promise<void>;
  /** On the callback URL: trades the code (and PKCE verifier) for tokens; resolves with the access token. */
  complete(url: string): Promise<string>;
  /** Whether this tab holds a provider session (so a reload knows how to refresh and sign out). */
  hasUser(): Promise<boolean>;
  /** A fresh access token from the refresh token, or undefined when the provider issued none. */
  refresh(): Promise<string | undefined>;
  /** Ends the provider session too: leaves for the provider's sign-out, which sends the agent back to `/`. */
  signOut(): Promise<void>;
}

export function createOidcSignIn(config: OidcSignInConfig, origin: string = window.location.origin): OidcSignIn {
  // Loaded on first use: a tab signed in as a demo agent never downloads the OIDC client (about 17 KB gzip).
  let loaded: Promise<UserManager> | undefined;
  const manager = () =>
    (loaded ??= import('oidc-client-ts').then(
      ({ UserManager, WebStorageStateStore }) =>
        new UserManager({
          authority: config.issuer,
          client_id: config.clientId,
          scope: config.scopes,
          response_type: 'code',
          redirect_uri: origin + OIDC_CALLBACK_PATH,
          post_logout_redirect_uri: origin + '/',
          // Like the agent token: one tab, gone when the tab closes.
          userStore: new WebStorageStateStore({ store: window.sessionStorage }),
          // The agent stream asks for a new token shortly before the gateway would close it (see `refresh`).
          automaticSilentRenew: false,
          loadUserInfo: false,
          monitorSession: false,
        }),
    ));
  return {
    start: async () => (await manager()).signinRedirect(),
    async complete(url) {
      return (await (await manager()).signinRedirectCallback(url)).access_token;
    },
    async hasUser() {
      return (await (await manager()).getUser()) !== null;
    },
    async refresh() {
      const users = await manager();
      const user = await users.getUser();
      // Without a refresh token oidc-client-ts would fall back to a hidden iframe, which the workspace does not serve.
      if (!user?.refresh_token) return undefined;
      return (await users.signinSilent())?.access_token;
    },
    signOut: async () => (await manager()).signoutRedirect(),
  };
}
