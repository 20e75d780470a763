import type { AgentRole } from '@icc/protocol';
import type { JWTPayload } from 'jose';
import type { OidcSettings } from './oidc-settings';

/** A claim by dot path (`realm_access.roles`); a claim whose own name has dots wins over the path. */
export function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The ICC agent id an access token names, or undefined when the configured claim is missing or not a string. */
export function agentIdFromClaims(payload: JWTPayload, settings: Pick<OidcSettings, 'agentClaim'>): string | undefined {
  const value = claimAt(payload, settings.agentClaim);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The role the provider grants: supervisor when the role claim (a string, an array, or a
 * space-separated string as some providers send scopes) holds one of the supervisor values.
 * Undefined when no role claim is configured: the ICC agent's own role applies.
 */
export function roleFromClaims(payload: JWTPayload, settings: Pick<OidcSettings, 'roleClaim' | 'supervisorValues'>): AgentRole | undefined {
  if (settings.roleClaim === undefined) return undefined;
  const value = claimAt(payload, settings.roleClaim);
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(' ') : [];
  return values.some((entry) => typeof entry === 'string' && settings.supervisorValues.includes(entry)) ? 'supervisor' : 'agent';
}
