import { z } from 'zod';
import { GenesysAdapterConfig } from './genesys-config';
import type { AdapterRegistration } from '@icc/adapter-kit';
import { createGenesysAdapter } from './genesys-adapter';
import { createGenesysSandboxRegistration } from './genesys-simulator/genesys-sandbox-adapter';

const jsonMap = (name: string, value: string | undefined): Record<string, string> | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return z.record(z.string(), z.string()).parse(JSON.parse(value));
  } catch {
    throw new Error(`${name} must be a JSON object of ICC id → Genesys id, e.g. {"q-support":"8897431f-…"}`);
  }
};

/** The real-org configuration from `GENESYS_*` variables; undefined without client credentials (the sandbox runs). */
export function readGenesysConfigFromEnv(env: Record<string, string | undefined>): GenesysAdapterConfig | undefined {
  if (!env['GENESYS_CLIENT_ID'] || !env['GENESYS_CLIENT_SECRET']) return undefined;
  const region = env['GENESYS_REGION'] ?? 'mypurecloud.com';
  return GenesysAdapterConfig.parse({
    baseUrl: env['GENESYS_BASE_URL'] ?? `https://api.${region}`,
    authUrl: env['GENESYS_AUTH_URL'] ?? `https://login.${region}`,
    clientId: env['GENESYS_CLIENT_ID'],
    clientSecret: env['GENESYS_CLIENT_SECRET'],
    queueMap: jsonMap('GENESYS_QUEUE_MAP', env['GENESYS_QUEUE_MAP']) ?? {},
    userMap: jsonMap('GENESYS_USER_MAP', env['GENESYS_USER_MAP']) ?? {},
    ...(env['GENESYS_NOTIFICATIONS_URL'] ? { notificationsUrl: env['GENESYS_NOTIFICATIONS_URL'] } : {}),
    ...(env['GENESYS_RESCHEDULE_USER_ID'] ? { rescheduleUserId: env['GENESYS_RESCHEDULE_USER_ID'] } : {}),
  });
}

/** What the gateway runs for `ICC_VENDOR=genesys`: the real org when `GENESYS_CLIENT_ID`/`SECRET` are set, else the sandbox. */
export function createGenesysRegistration(env: Record<string, string | undefined>): AdapterRegistration {
  const config = readGenesysConfigFromEnv(env);
  return config ? { adapter: createGenesysAdapter(config) } : createGenesysSandboxRegistration();
}
