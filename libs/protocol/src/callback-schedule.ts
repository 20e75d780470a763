import { z } from 'zod';
import { Instant } from './instant';

/**
 * When the customer wants the call.
 * - `asap`: served in the order received.
 * - `scheduled`: enters the queue at `start`; past `windowEnd` it is overdue and jumps the queue.
 */
export const CallbackSchedule = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('asap') }),
    z.object({ type: z.literal('scheduled'), start: Instant, windowEnd: Instant.optional() }),
  ])
  .refine((s) => s.type === 'asap' || s.windowEnd === undefined || Date.parse(s.windowEnd) > Date.parse(s.start), {
    message: 'windowEnd must be after start',
    path: ['windowEnd'],
  })
  .meta({ id: 'CallbackSchedule' });
export type CallbackSchedule = z.infer<typeof CallbackSchedule>;
