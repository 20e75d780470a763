import { z } from 'zod';
import { QueueId } from './identifiers';

/** Live figures a supervisor watches per queue. Rates are 0…1, durations in seconds. */
export const QueueStats = z
  .object({
    queueId: QueueId,
    depth: z.number().int().min(0),
    oldestWaitSeconds: z.number().min(0),
    scheduledNextHour: z.number().int().min(0),
    agentsAvailable: z.number().int().min(0),
    offered: z.number().int().min(0),
    answered: z.number().int().min(0),
    noAnswer: z.number().int().min(0),
    answerRate: z.number().min(0).max(1).nullable(),
    averagePreviewSeconds: z.number().min(0).nullable(),
  })
  .meta({ id: 'QueueStats' });
export type QueueStats = z.infer<typeof QueueStats>;

/** Answer of `GET /v1/callbacks/:id/position`. */
export const QueuePosition = z
  .object({
    callbackId: z.string(),
    queueId: QueueId,
    /** 1 = next to be served; null when the callback is not waiting in the queue. */
    position: z.number().int().min(1).nullable(),
    estimatedWaitSeconds: z.number().min(0).nullable(),
  })
  .meta({ id: 'QueuePosition' });
export type QueuePosition = z.infer<typeof QueuePosition>;
