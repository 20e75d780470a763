import { readEnvJsonObject, type AdapterRegistration } from '@icc/adapter-kit';
import { GenesysAdapterConfig } from './genesys-config';
import { createGenesysAdapter } from './genesys-adapter';
import { createGenesysSandboxRegistration } from './genesys-simulator/genesys-sandbox-adapter';

/** `GENESYS_QUEUE_MAP` / `GENESYS_USER_MAP`: ICC id → Genesys id. */
const idMap = (env: Record<string, string | undefined>, name: string) => readEnvJsonObject(env, name, '{"q-support":"8897431f-…"}');

/** The real-org configuration from `GENESYS_*` variables; undefined without client credentials (the sandbox runs). */
export function readGenesysConfigFromEnv(env: Record<string, string | undefined>): GenesysAdapterConfig | undefined {
  if (!env['GENESYS_CLIENT_ID'] || !env['GENESYS_CLIENT_SECRET']) return undefined;
  const region = env['GENESYS_REGION'] ?? 'mypurecloud.com';
  return GenesysAdapterConfig.parse({
    baseUrl: env['GENESYS_BASE_URL'] ?? `https://api.${region}`,
    authUrl: env['GENESYS_AUTH_URL'] ?? `https://login.${region}`,
    clientId: env['GENESYS_CLIENT_ID'],
    clientSecret: env['GENESYS_CLIENT_SECRET'],
    queueMap: idMap(env, 'GENESYS_QUEUE_MAP') ?? {},
    userMap: idMap(env, 'GENESYS_USER_MAP') ?? {},
    ...(env['GENESYS_NOTIFICATIONS_URL'] ? { notificationsUrl: env['GENESYS_NOTIFICATIONS_URL'] } : {}),
    ...(env['GENESYS_RESCHEDULE_USER_ID'] ? { rescheduleUserId: env['GENESYS_RESCHEDULE_USER_ID'] } : {}),
  });
}

/** What the gateway runs for `ICC_VENDOR=genesys`: the real org when `GENESYS_CLIENT_ID`/`SECRET` are set, else the sandbox. */
export function createGenesysRegistration(env: Record<string, string | undefined>): AdapterRegistration {
  const config = readGenesysConfigFromEnv(env);
  return config ? { adapter: createGenesysAdapter(config) } : createGenesysSandboxRegistration();
}
