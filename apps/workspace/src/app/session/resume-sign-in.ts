import type { Agent, OidcSignInConfig } from '@icc/protocol';
import type { OidcSignIn } from './oidc-sign-in';
import type { TokenStorage } from './token-storage';
import type { SignedInVia, SignInGateway } from './workspace-session';

export interface SignedIn {
  agent: Agent;
  via: SignedInVia;
}

interface ResumeDeps {
  signIn: SignInGateway;
  tokens: TokenStorage;
  oidcFor?: (config: OidcSignInConfig) => OidcSignIn;
}

/** Back from the provider with a code: redeem it (PKCE), keep the access token, ask the gateway who that is. */
export async function completeProviderSignIn({ signIn, tokens, oidcFor }: ResumeDeps, callbackUrl: string): Promise<SignedIn> {
  const { oidc } = await signIn.signInConfig();
  if (!oidc || !oidcFor) throw new Error('this gateway offers no OpenID Connect sign-in');
  const flow = oidcFor(oidc);
  tokens.write(await flow.complete(callbackUrl));
  return { via: { kind: 'oidc', oidc: flow }, agent: await signIn.me() };
}

/** A reload with the tab's token: who it is, and whether it came from the provider (to refresh and sign out there). */
export async function restoreSignIn({ signIn, oidcFor }: ResumeDeps): Promise<SignedIn> {
  const agent = await signIn.me();
  const config = await signIn.signInConfig().catch(() => undefined);
  const flow = config?.oidc && oidcFor ? oidcFor(config.oidc) : undefined;
  return { agent, via: flow && (await flow.hasUser()) ? { kind: 'oidc', oidc: flow } : { kind: 'dev' } };
}
