import { AgentTokenClaims, type Agent } from '@icc/protocol';
import { IccError, type Clock } from '@icc/core';
import { jwtVerify, SignJWT } from 'jose';

export const AGENT_TOKEN_TTL_SECONDS = 12 * 3600;
const ISSUER = 'icc-gateway';

export interface IssuedAgentToken {
  token: string;
  expiresAt: string;
}

/** A verified token's claims and when it expires (epoch milliseconds). */
export type VerifiedAgentToken = AgentTokenClaims & { expiresAtMs: number };

/** Signs and verifies agent JWTs (HS256, 12 h, `sub` = agent id). */
export interface AgentTokens {
  issue(agent: Pick<Agent, 'id' | 'role' | 'displayName'>): Promise<IssuedAgentToken>;
  /** Throws `IccError('unauthorized')` for anything but a valid, unexpired token. */
  verify(token: string): Promise<VerifiedAgentToken>;
}

export function createAgentTokens(secret: string, clock: Clock): AgentTokens {
  const key = new TextEncoder().encode(secret);
  return {
    async issue(agent) {
      const issuedAt = Math.floor(clock.now() / 1000);
      const expiresAtSeconds = issuedAt + AGENT_TOKEN_TTL_SECONDS;
      const token = await new SignJWT({ role: agent.role, name: agent.displayName })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(agent.id)
        .setIssuer(ISSUER)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAtSeconds)
        .sign(key);
      return { token, expiresAt: new Date(expiresAtSeconds * 1000).toISOString() };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          currentDate: new Date(clock.now()),
          requiredClaims: ['exp'],
        });
        return { ...AgentTokenClaims.parse(payload), expiresAtMs: (payload.exp ?? 0) * 1000 };
      } catch {
        throw new IccError('unauthorized', 'The agent token is missing, invalid or expired; sign in again');
      }
    },
  };
}
