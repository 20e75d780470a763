import { createFakeClock } from '@icc/core';
import type { GatewayOptions } from '../composition/create-gateway';
import type { OidcSettings } from '../auth/oidc-settings';
import type { GatewayEnv } from './gateway-config';
import { isPostgresUrl } from '../composition/open-event-store';
import { DEFAULT_RETRY_SETTINGS } from '../events-out/retry-backoff';

/** What `main.ts` passes to `createGateway` for a validated environment. */
export function gatewayOptionsFromEnv(env: GatewayEnv): GatewayOptions {
  return {
    dataDir: env.ICC_DATA_DIR,
    ...(storeUrlOf(env) === undefined ? {} : { storeUrl: storeUrlOf(env) }),
    port: env.PORT,
    host: env.HOST,
    vendor: env.ICC_VENDOR,
    devMode: env.NODE_ENV !== 'production',
    demoTraffic: env.ICC_DEMO_TRAFFIC,
    logLevel: env.LOG_LEVEL,
    workspaceDir: env.ICC_WORKSPACE_DIR,
    openFrameDir: env.ICC_OPENFRAME_DIR,
    processMetrics: true,
    webhooksOut: {
      policy: { allowLocalhost: env.ICC_WEBHOOKS_OUT_ALLOW_LOCALHOST, allowPrivateNetworks: env.ICC_WEBHOOKS_OUT_ALLOW_PRIVATE_NETWORKS },
      retry: { ...DEFAULT_RETRY_SETTINGS, maxAttempts: env.ICC_WEBHOOKS_OUT_MAX_ATTEMPTS, baseDelayMs: env.ICC_WEBHOOKS_OUT_RETRY_BASE_MS },
    },
    intakeRateLimit: { capacity: Math.max(1, Math.ceil(env.ICC_INTAKE_RATE_PER_SECOND * 6)), ratePerSecond: env.ICC_INTAKE_RATE_PER_SECOND },
    ...(env.ICC_JWT_SECRET === undefined ? {} : { jwtSecret: env.ICC_JWT_SECRET }),
    ...(env.ICC_WEBHOOK_SECRET === undefined ? {} : { webhookSecret: env.ICC_WEBHOOK_SECRET }),
    ...(env.ICC_OIDC_ISSUER === undefined ? {} : { oidc: oidcSettingsFromEnv(env) }),
    ...(env.ICC_FAKE_CLOCK === undefined ? {} : { fakeClock: createFakeClock(env.ICC_FAKE_CLOCK) }),
    ...(env.ICC_CLUSTER ? { cluster: { leaseTtlMs: env.ICC_LEASE_TTL_MS, ...(env.ICC_INSTANCE_URL === undefined ? {} : { instanceUrl: env.ICC_INSTANCE_URL.replace(/\/$/, '') }) } } : {}),
  };
}

/** ICC_STORE decides when set (a PostgreSQL URL, or anything else for SQLite); else ICC_DATABASE_URL. */
export function storeUrlOf(env: Pick<GatewayEnv, 'ICC_STORE' | 'ICC_DATABASE_URL'>): string | undefined {
  const chosen = env.ICC_STORE ?? env.ICC_DATABASE_URL;
  return isPostgresUrl(chosen) ? chosen : undefined;
}

function oidcSettingsFromEnv(env: GatewayEnv): OidcSettings {
  return {
    issuer: env.ICC_OIDC_ISSUER ?? '',
    audience: env.ICC_OIDC_AUDIENCE ?? '',
    clientId: env.ICC_OIDC_CLIENT_ID ?? '',
    scopes: env.ICC_OIDC_SCOPES,
    agentClaim: env.ICC_OIDC_AGENT_CLAIM,
    ...(env.ICC_OIDC_ROLE_CLAIM === undefined ? {} : { roleClaim: env.ICC_OIDC_ROLE_CLAIM }),
    supervisorValues: env.ICC_OIDC_SUPERVISOR_VALUES.split(',').map((value) => value.trim()).filter((value) => value !== ''),
  };
}
