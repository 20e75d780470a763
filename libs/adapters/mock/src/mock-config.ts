import { z } from 'zod';
import { TelephonyBehaviour } from './telephony-behaviour';

export const MockAdapterConfig = z.object({
  /** Seed for random telephony behaviour; only used with `randomTelephony`. */
  seed: z.number().int().default(42),
  randomTelephony: z.boolean().default(false),
  defaultBehaviour: TelephonyBehaviour.default({ kind: 'answer', afterSeconds: 3 }),
  /** Offers let time out in a row before the engine sets the agent not-responding; absent: never. */
  missedOffersBeforeNotResponding: z.number().int().min(1).optional(),
});
export type MockAdapterConfig = z.infer<typeof MockAdapterConfig>;
export type MockAdapterConfigInput = z.input<typeof MockAdapterConfig>;
