import { z } from 'zod';
import { TelephonyBehaviour } from './telephony-behaviour';

export const MockAdapterConfig = z.object({
  /** Seed for random telephony behaviour; only used with `randomTelephony`. */
  seed: z.number().int().default(42),
  randomTelephony: z.boolean().default(false),
  defaultBehaviour: TelephonyBehaviour.default({ kind: 'answer', afterSeconds: 3 }),
});
export type MockAdapterConfig = z.infer<typeof MockAdapterConfig>;
export type MockAdapterConfigInput = z.input<typeof MockAdapterConfig>;
