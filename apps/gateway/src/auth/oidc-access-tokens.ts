import type { Agent } from '@icc/protocol';
import { IccError, type Clock, type Logger } from '@icc/core';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { VerifiedAgentToken } from './agent-tokens';
import { agentIdFromClaims, roleFromClaims } from './claims-to-agent';
import type { OidcSettings } from './oidc-settings';

/** Asymmetric only: an HS256 token signed with a guessed or leaked client secret is never an IdP token. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const DISCOVERY_TIMEOUT_MS = 5_000;
const DEFAULT_JWKS_COOLDOWN_MS = 30_000;

export interface OidcAccessTokens {
  /** Verifies an access token from the provider and maps it to an ICC agent; throws `IccError`. */
  verify(token: string): Promise<VerifiedAgentToken>;
  /** Reads the discovery document now and logs the outcome in one line, so a wrong issuer shows at start, not at the first sign-in. */
  warmUp(): Promise<void>;
}

export interface OidcAccessTokenDeps {
  /** Transport time: `exp` is checked against it, as for the gateway's own tokens. */
  clock: Clock;
  getAgent(agentId: string): Promise<Agent | undefined>;
  logger: Logger;
}

/**
 * Access tokens from an OpenID provider, verified against its JWKS (found through discovery).
 * jose's remote key set caches the keys and refetches when a token names an unknown `kid`
 * (key rotation), at most once per cooldown, so forged `kid`s cannot hammer the provider.
 */
export function createOidcAccessTokens(settings: OidcSettings, deps: OidcAccessTokenDeps): OidcAccessTokens {
  let keySet: Promise<JWTVerifyGetKey> | undefined;

  function jwks(): Promise<JWTVerifyGetKey> {
    keySet ??= discoverJwksUri(settings.issuer).then((jwksUri) =>
      createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: settings.jwksCooldownMs ?? DEFAULT_JWKS_COOLDOWN_MS }),
    );
    // A provider that was down at the first sign-in is asked again at the next one.
    keySet.catch(() => (keySet = undefined));
    return keySet;
  }

  return {
    async warmUp() {
      try {
        await jwks();
        deps.logger.info({ issuer: settings.issuer, audience: settings.audience }, 'OpenID Connect sign-in: the provider\'s discovery document was read');
      } catch (error) {
        deps.logger.warn({ issuer: settings.issuer }, `OpenID Connect sign-in will fail until this is fixed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    async verify(token) {
      let payload;
      try {
        ({ payload } = await jwtVerify(token, await jwks(), {
          algorithms: ALGORITHMS,
          issuer: settings.issuer,
          audience: settings.audience,
          currentDate: new Date(deps.clock.now()),
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw new IccError('unauthorized', `The access token was refused: ${reasonOf(error)}; sign in again`);
      }
      const agentId = agentIdFromClaims(payload, settings);
      const agent = agentId === undefined ? undefined : await deps.getAgent(agentId);
      if (!agent) {
        const named = agentId === undefined ? `has no "${settings.agentClaim}" claim` : `names "${agentId}" in "${settings.agentClaim}"`;
        deps.logger.warn({ agentClaim: settings.agentClaim, agentId }, 'OIDC sign-in for an unknown agent');
        throw new IccError('unknown_agent', `The access token ${named}, which is no ICC agent; ask an administrator to add the agent`);
      }
      const role = roleFromClaims(payload, settings) ?? agent.role;
      const name = typeof payload['name'] === 'string' ? payload['name'] : agent.displayName;
      return { sub: agent.id, role, name, expiresAtMs: (payload.exp ?? 0) * 1000 };
    },
  };
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new Error(`the identity provider's discovery document ${url} could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (document.issuer !== issuer) throw new Error(`the discovery document names issuer ${JSON.stringify(document.issuer)}, not ${issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
  return document.jwks_uri;
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'it expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `its "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the identity provider matches its signature';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'its signing algorithm is not accepted';
  if (error instanceof Error && error.message.startsWith('the ')) return error.message;
  return 'it is not a valid token of the identity provider';
}
