import type { CcaasAdapterV1 } from '@icc/core';
import type { z } from 'zod';

/** A simulated telephone network the gateway's development endpoint can steer (simulators only). */
export interface DevTelephony {
  /** Validates the body of `PUT /v1/dev/telephony/numbers/:e164`. */
  behaviourSchema: z.ZodType;
  /** A promise when the behaviour is set elsewhere (a cluster forwards it to the gateway running the ACD). */
  setBehaviour(phoneNumber: string, behaviour: unknown): void | Promise<void>;
}

/**
 * What a vendor's `create<Vendor>Registration` hands the gateway's adapter registry: the adapter,
 * and the simulator's telephony when it runs against one.
 */
export interface AdapterRegistration<Adapter extends CcaasAdapterV1 = CcaasAdapterV1> {
  adapter: Adapter;
  telephony?: DevTelephony;
}
