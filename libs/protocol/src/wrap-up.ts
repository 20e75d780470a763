import { z } from 'zod';

/** Disposition an agent picks in the wrap-up modal. */
export const WrapUpReason = z
  .enum(['resolved', 'follow-up-required', 'escalated', 'not-interested', 'wrong-number', 'other'])
  .meta({ id: 'WrapUpReason' });
export type WrapUpReason = z.infer<typeof WrapUpReason>;

export const WrapUp = z
  .object({ reason: WrapUpReason, notes: z.string().max(4000).default('') })
  .meta({ id: 'WrapUp' });
export type WrapUp = z.infer<typeof WrapUp>;
