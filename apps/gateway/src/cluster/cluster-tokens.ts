import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { IccError, type Clock } from '@icc/core';

const AUDIENCE = 'icc-cluster';
const TTL_SECONDS = 60;

/** Bearer tokens of the internal hop between gateways (HS256 under a key derived from the shared secret). */
export interface ClusterTokens {
  /** A token for the next call, signed again once half its life has passed. */
  current(): Promise<string>;
  /** Throws `IccError('unauthorized')` unless the token was signed by a gateway of this cluster. */
  verify(token: string): Promise<void>;
}

export function createClusterTokens(sharedSecret: string, issuer: () => string, clock: Clock): ClusterTokens {
  // Its own key: an agent token (same secret) can never pass as a cluster token, nor the reverse.
  const key = createHmac('sha256', sharedSecret).update('icc-cluster-hop').digest();
  let cached: { token: string; renewAtMs: number } | undefined;
  return {
    async current() {
      const now = clock.now();
      if (cached && now < cached.renewAtMs) return cached.token;
      const issuedAt = Math.floor(now / 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(issuer())
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TTL_SECONDS)
        .sign(key);
      cached = { token, renewAtMs: now + (TTL_SECONDS * 1000) / 2 };
      return token;
    },
    async verify(token) {
      try {
        await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ['HS256'], currentDate: new Date(clock.now()) });
      } catch {
        throw new IccError('unauthorized', 'Not a token of this cluster');
      }
    },
  };
}
