import type { AdapterRegistration } from '@icc/adapter-kit';
import { createGenesysAdapter } from './genesys-adapter';
import { readGenesysConfigFromEnv } from './genesys-config-from-env';
import { createGenesysSandboxRegistration } from './genesys-simulator/genesys-sandbox-adapter';

/** What the gateway runs for `ICC_VENDOR=genesys`: the real org when `GENESYS_CLIENT_ID`/`SECRET` are set, else the sandbox. */
export function createGenesysRegistration(env: Record<string, string | undefined>): AdapterRegistration {
  const config = readGenesysConfigFromEnv(env);
  return config ? { adapter: createGenesysAdapter(config) } : createGenesysSandboxRegistration();
}
