import { z } from 'zod';

/** Lifecycle of the customer's request, as the Omnichannel Callback API reports it. */
export const CallbackState = z
  .enum(['pending', 'in-progress', 'completed', 'cancelled', 'expired', 'failed'])
  .meta({ id: 'CallbackState' });
export type CallbackState = z.infer<typeof CallbackState>;

export const CallbackSource = z.enum(['ivr', 'web', 'api', 'agent']).meta({ id: 'CallbackSource' });
export type CallbackSource = z.infer<typeof CallbackSource>;
