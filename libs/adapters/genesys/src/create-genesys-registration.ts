import { z } from 'zod';
import type { AdapterRegistration } from '@icc/adapter-kit';
import { createGenesysAdapter } from './genesys-adapter';
import { createGenesysSandboxAdapter } from './create-genesys-sandbox-adapter';
import type { SimCustomerBehaviour } from './genesys-simulator/simulator-telephony';
import { readGenesysConfigFromEnv } from './read-genesys-config-from-env';

const OneCall = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), afterSeconds: z.number().min(0).max(600).default(3), hangUpAfterSeconds: z.number().min(1).max(7200).optional() }),
  /** `afterSeconds`: how long it rings before Genesys gives up (default 25). */
  z.object({ kind: z.literal('no-answer'), afterSeconds: z.number().min(1).max(120).optional() }),
  z.object({ kind: z.literal('busy'), afterSeconds: z.number().min(0).max(60).optional() }),
  z.object({ kind: z.literal('fail'), afterSeconds: z.number().min(0).max(60).optional() }),
]);

/**
 * A simulated customer's phone, as the gateway's dev telephony endpoint sets it: one behaviour for
 * every call, or a `sequence` whose n-th step answers the n-th call (the last one repeats).
 */
export const GenesysSandboxCustomerBehaviour = z.union([OneCall, z.object({ kind: z.literal('sequence'), steps: z.array(OneCall).min(1).max(20) })]);
export type GenesysSandboxCustomerBehaviour = z.infer<typeof GenesysSandboxCustomerBehaviour>;

/** The simulator's script for one number, from the dev endpoint's (unvalidated) body. */
export function genesysSandboxCalls(behaviour: unknown): SimCustomerBehaviour[] {
  const parsed = GenesysSandboxCustomerBehaviour.parse(behaviour);
  const calls = parsed.kind === 'sequence' ? parsed.steps : [parsed];
  return calls.map((call) => Object.fromEntries(Object.entries(call).filter(([, value]) => value !== undefined)) as SimCustomerBehaviour);
}

export type GenesysRegistration = AdapterRegistration;

/** What the gateway runs for `ICC_VENDOR=genesys`: the real org when `GENESYS_CLIENT_ID`/`SECRET` are set, else the sandbox. */
export function createGenesysRegistration(env: Record<string, string | undefined>): GenesysRegistration {
  const config = readGenesysConfigFromEnv(env);
  if (config) return { adapter: createGenesysAdapter(config) };
  const adapter = createGenesysSandboxAdapter();
  return {
    adapter,
    telephony: {
      behaviourSchema: GenesysSandboxCustomerBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.setCustomerBehaviour(phoneNumber, genesysSandboxCalls(behaviour)),
    },
  };
}
