import { decodeJwt } from 'jose';
import type { AgentTokens } from './agent-tokens';
import type { OidcAccessTokens } from './oidc-access-tokens';

/**
 * One `verify` for REST and the agent stream: a token whose (unverified) `iss` is the configured
 * provider is checked as that provider's access token, anything else as the gateway's own HS256
 * token. Each path then verifies strictly, so the routing hint cannot widen what is accepted.
 */
export function withOidcAccessTokens(own: AgentTokens, oidc: { issuer: string; tokens: OidcAccessTokens }): AgentTokens {
  return {
    issue: (agent) => own.issue(agent),
    verify: (token) => (issuerOf(token) === oidc.issuer ? oidc.tokens.verify(token) : own.verify(token)),
  };
}

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}
