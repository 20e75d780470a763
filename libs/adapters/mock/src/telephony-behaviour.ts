import { z } from 'zod';

const singleBehaviour = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    afterSeconds: z.number().min(0).max(600).default(3),
    /** The customer hangs up after talking this long; absent = the agent ends the call. */
    hangUpAfterSeconds: z.number().min(1).max(7200).optional(),
  }),
  z.object({ kind: z.literal('no-answer'), afterSeconds: z.number().min(0).max(600).default(20) }),
  z.object({ kind: z.literal('busy'), afterSeconds: z.number().min(0).max(60).default(1) }),
  z.object({ kind: z.literal('fail'), afterSeconds: z.number().min(0).max(60).default(1) }),
]);

/**
 * How the simulated network treats calls to one number. A `sequence` answers the n-th call with
 * its n-th step (the last step repeats), e.g. no answer first, then answered on Retry call.
 */
export const TelephonyBehaviour = z.union([
  singleBehaviour,
  z.object({ kind: z.literal('sequence'), steps: z.array(singleBehaviour).min(1).max(20) }),
]);
export type TelephonyBehaviour = z.infer<typeof TelephonyBehaviour>;
export type SingleTelephonyBehaviour = z.infer<typeof singleBehaviour>;
