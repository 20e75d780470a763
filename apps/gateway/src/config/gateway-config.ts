import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** The gateway's environment, validated once at start. */
export const GatewayEnv = z.object({
  PORT: z.coerce
    .number({ error: 'expected a port number from 0 to 65535' })
    .int('expected a port number from 0 to 65535')
    .min(0, 'expected a port number from 0 to 65535')
    .max(65535, 'expected a port number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ICC_DATA_DIR: z.string().min(1).default('./data'),
  /** `postgres://user:password@host:5432/database`: the PostgreSQL store; unset or anything else: SQLite in ICC_DATA_DIR. */
  ICC_STORE: z.string().optional(),
  /** The same, under the name hosting platforms set; ICC_STORE wins when both are set. */
  ICC_DATABASE_URL: z.string().optional(),
  ICC_VENDOR: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'expected a lower-case vendor name such as mock')
    .default('mock'),
  ICC_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ICC_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Outgoing webhooks may go to http://localhost (development and tests only). */
  ICC_WEBHOOKS_OUT_ALLOW_LOCALHOST: booleanFlag,
  /** Outgoing webhooks may go to private and link-local addresses (a subscriber inside the operator's network). */
  ICC_WEBHOOKS_OUT_ALLOW_PRIVATE_NETWORKS: booleanFlag,
  /** Attempts before an outgoing delivery is dead-lettered. */
  ICC_WEBHOOKS_OUT_MAX_ATTEMPTS: z.coerce.number({ error: 'expected a number of attempts, e.g. 8' }).int().min(1).max(100).default(8),
  /** Delay before the first retry (doubled for each further one, with jitter). */
  ICC_WEBHOOKS_OUT_RETRY_BASE_MS: z.coerce.number({ error: 'expected milliseconds, e.g. 1000' }).int().min(1).max(3_600_000).default(1_000),
  ICC_FAKE_CLOCK: z.iso
    .datetime({ offset: true, message: 'expected an ISO-8601 instant such as 2026-03-10T09:00:00Z' })
    .optional(),
  ICC_DEMO_TRAFFIC: booleanFlag,
  /** Public intake: sustained requests per second per client IP (bursts of six times that). */
  ICC_INTAKE_RATE_PER_SECOND: z.coerce.number({ error: 'expected requests per second, e.g. 5' }).positive('must be more than 0').max(100_000).default(5),
  ICC_WORKSPACE_DIR: z.string().min(1).default('dist/apps/workspace'),
  ICC_OPENFRAME_DIR: z.string().min(1).default('dist/apps/servicenow-openframe'),
  /** OpenID Connect sign-in (see docs/sign-in.md): the provider's issuer URL, exactly as in its discovery document. */
  ICC_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'expected the provider\'s issuer URL, e.g. https://login.example.com/oauth2/default' }).optional(),
  /** The `aud` the provider puts in access tokens meant for this gateway. */
  ICC_OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The workspace's (public, PKCE) client id at the provider. */
  ICC_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ICC_OIDC_SCOPES: z.string().regex(/(^|\s)openid(\s|$)/, 'must include openid').default('openid profile'),
  /** The access-token claim (dot path) holding the ICC agent id. */
  ICC_OIDC_AGENT_CLAIM: z.string().regex(/^[\w:/.-]+$/, 'expected a claim name or dot path, e.g. preferred_username').default('sub'),
  /** The claim (dot path, string or array) naming the role; unset: the ICC agent's own role. */
  ICC_OIDC_ROLE_CLAIM: z.string().regex(/^[\w:/.-]+$/, 'expected a claim name or dot path, e.g. realm_access.roles').optional(),
  /** Comma-separated values of the role claim that make a supervisor. */
  ICC_OIDC_SUPERVISOR_VALUES: z.string().min(1).default('supervisor'),
  /** One of several gateways over one PostgreSQL (docs/cluster.md): needs a postgres:// store and a shared ICC_JWT_SECRET. */
  ICC_CLUSTER: booleanFlag,
  /** How the other gateways of the cluster reach this one; default its own listening URL. */
  ICC_INSTANCE_URL: z.url({ protocol: /^https?$/, error: 'expected the URL the other gateways reach this one at, e.g. http://10.0.0.5:3000' }).optional(),
  /** Lease of the ACD: the bound on a takeover after its gateway died. */
  ICC_LEASE_TTL_MS: z.coerce.number({ error: 'expected milliseconds, e.g. 10000' }).int().min(500).max(300_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});
export type GatewayEnv = z.infer<typeof GatewayEnv>;

/** A configuration problem, worded as one line that names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; an empty variable counts as unset. Throws `ConfigError`. */
export function parseGatewayEnv(env: Record<string, string | undefined>): GatewayEnv {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = GatewayEnv.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') || 'environment';
    throw new ConfigError(`${variable}: ${issue?.message ?? 'invalid value'} (got ${JSON.stringify(present[variable] ?? '')})`);
  }
  const config = parsed.data;
  if (config.ICC_FAKE_CLOCK !== undefined && config.NODE_ENV === 'production') {
    throw new ConfigError('ICC_FAKE_CLOCK: the fake clock is refused when NODE_ENV=production');
  }
  checkOidcConfig(config, present);
  checkStoreUrl(config);
  checkClusterConfig(config);
  return config;
}

/** A cluster shares its log and leases in PostgreSQL, and agent tokens must verify on every gateway. */
function checkClusterConfig(config: GatewayEnv): void {
  if (!config.ICC_CLUSTER) return;
  if (!/^postgres(ql)?:\/\//i.test((config.ICC_STORE ?? config.ICC_DATABASE_URL ?? '').trim())) {
    throw new ConfigError('ICC_CLUSTER: a cluster needs the PostgreSQL store: set ICC_STORE=postgres://…');
  }
  if (config.ICC_JWT_SECRET === undefined) throw new ConfigError('ICC_CLUSTER: every gateway of a cluster needs the same ICC_JWT_SECRET');
  if (config.ICC_FAKE_CLOCK !== undefined) throw new ConfigError('ICC_CLUSTER: the fake clock is for one gateway; unset ICC_FAKE_CLOCK');
}

/** A URL of another scheme is a typo, not a wish for SQLite (its value is not echoed: it may hold a password). */
function checkStoreUrl(config: GatewayEnv): void {
  for (const name of ['ICC_STORE', 'ICC_DATABASE_URL'] as const) {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(config[name] ?? '')?.[1];
    if (scheme !== undefined && !/^postgres(ql)?$/i.test(scheme)) {
      throw new ConfigError(`${name}: expected postgres://user:password@host:5432/database (got a ${scheme}:// URL)`);
    }
  }
}

const OIDC_REQUIRED = ['ICC_OIDC_ISSUER', 'ICC_OIDC_AUDIENCE', 'ICC_OIDC_CLIENT_ID'] as const;

/** OpenID Connect is all or nothing: a half-configured provider would leave nobody able to sign in. */
function checkOidcConfig(config: GatewayEnv, present: Record<string, string | undefined>): void {
  const named = Object.keys(present).filter((name) => name.startsWith('ICC_OIDC_'));
  if (named.length === 0) return;
  const missing = OIDC_REQUIRED.find((name) => config[name] === undefined);
  if (missing) throw new ConfigError(`${missing}: required when ${named[0]} is set (OpenID Connect sign-in needs ${OIDC_REQUIRED.join(', ')})`);
  const issuer = new URL(config.ICC_OIDC_ISSUER ?? '');
  if (config.NODE_ENV === 'production' && issuer.protocol !== 'https:') {
    throw new ConfigError(`ICC_OIDC_ISSUER: must be an https URL when NODE_ENV=production (got ${JSON.stringify(config.ICC_OIDC_ISSUER)})`);
  }
}
