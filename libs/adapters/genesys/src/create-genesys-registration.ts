import { z } from 'zod';
import type { CcaasAdapterV1 } from '@icc/core';
import { createGenesysAdapter } from './genesys-adapter';
import { createGenesysSandboxAdapter } from './create-genesys-sandbox-adapter';
import { readGenesysConfigFromEnv } from './read-genesys-config-from-env';

/** A simulated customer's phone, as the gateway's dev telephony endpoint sets it. */
export const GenesysSandboxCustomerBehaviour = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), afterSeconds: z.number().min(0).max(600).default(3), hangUpAfterSeconds: z.number().min(1).max(7200).optional() }),
  z.object({ kind: z.literal('no-answer') }),
  z.object({ kind: z.literal('busy') }),
  z.object({ kind: z.literal('fail') }),
]);

export interface GenesysRegistration {
  adapter: CcaasAdapterV1;
  telephony?: { behaviourSchema: z.ZodType; setBehaviour(phoneNumber: string, behaviour: unknown): void };
}

/** What the gateway runs for `ICC_VENDOR=genesys`: the real org when `GENESYS_CLIENT_ID`/`SECRET` are set, else the sandbox. */
export function createGenesysRegistration(env: Record<string, string | undefined>): GenesysRegistration {
  const config = readGenesysConfigFromEnv(env);
  if (config) return { adapter: createGenesysAdapter(config) };
  const adapter = createGenesysSandboxAdapter();
  return {
    adapter,
    telephony: {
      behaviourSchema: GenesysSandboxCustomerBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.setCustomerBehaviour(phoneNumber, [GenesysSandboxCustomerBehaviour.parse(behaviour)]),
    },
  };
}
