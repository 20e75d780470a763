import { z } from 'zod';

/** How often a customer who does not answer is tried again (customer-first retries automatically). */
export const RetryPolicy = z
  .object({
    maxAttempts: z.number().int().min(1).max(20),
    minIntervalSeconds: z.number().int().min(0).max(7 * 24 * 3600),
  })
  .meta({ id: 'RetryPolicy' });
export type RetryPolicy = z.infer<typeof RetryPolicy>;
