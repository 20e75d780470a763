/** How the gateway trusts an OpenID Connect provider's access tokens (from the `ICC_OIDC_*` environment). */
export interface OidcSettings {
  /** Exactly the provider's `issuer` (its discovery document and every token's `iss` must match). */
  issuer: string;
  /** The `aud` access tokens for this gateway carry. */
  audience: string;
  /** The workspace's public client id (served to the workspace, not checked in tokens). */
  clientId: string;
  /** What the workspace asks for, space-separated. */
  scopes: string;
  /** Claim (dot path) holding the ICC agent id, e.g. `sub`, `preferred_username`, `icc_agent_id`. */
  agentClaim: string;
  /** Claim (dot path) with the role: a string or an array; unset means the ICC agent's own role. */
  roleClaim?: string;
  /** Values of `roleClaim` that make the caller a supervisor; anything else is an agent. */
  supervisorValues: string[];
  /** How long a JWKS refetch for an unknown `kid` waits after the last fetch (default 30 s). */
  jwksCooldownMs?: number;
}
