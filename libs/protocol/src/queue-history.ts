import { z } from 'zod';
import { QueueId } from './identifiers';
import { Instant } from './instant';

/**
 * One bucket of a queue's recent history. `depth` and `oldestWaitSeconds` are read at the bucket's
 * end (as `QueueStats` defines them: callbacks `queued`, waiting since their request); the counts
 * are what happened during the bucket.
 */
export const QueueHistoryPoint = z
  .object({
    /** End of the bucket. */
    at: Instant,
    depth: z.number().int().min(0),
    oldestWaitSeconds: z.number().min(0),
    /** Offers made to agents. */
    offered: z.number().int().min(0),
    /** Offers an agent accepted. */
    accepted: z.number().int().min(0),
    /** Offers an agent let time out or rejected. */
    missed: z.number().int().min(0),
    /**
     * Share (0…1) of the offers accepted in the bucket that were accepted within
     * `serviceLevelSeconds` of the callback becoming due (its request, or its scheduled start);
     * null when none was accepted.
     */
    serviceLevel: z.number().min(0).max(1).nullable(),
  })
  .meta({ id: 'QueueHistoryPoint' });
export type QueueHistoryPoint = z.infer<typeof QueueHistoryPoint>;

/** Answer of `GET /v1/queues/stats/history`: per queue, oldest bucket first. */
export const QueueHistory = z
  .object({
    from: Instant,
    to: Instant,
    bucketSeconds: z.number().int().min(1),
    serviceLevelSeconds: z.number().int().min(1),
    queues: z.array(z.object({ queueId: QueueId, points: z.array(QueueHistoryPoint) })),
  })
  .meta({ id: 'QueueHistory' });
export type QueueHistory = z.infer<typeof QueueHistory>;

/** Query of `GET /v1/queues/stats/history`. */
export const QueueHistoryQuery = z
  .strictObject({
    minutes: z.coerce.number().int().min(1).max(240).default(60),
    bucketSeconds: z.coerce.number().int().min(10).max(3600).default(60),
    serviceLevelSeconds: z.coerce.number().int().min(1).max(86_400).default(300),
  })
  .meta({ id: 'QueueHistoryQuery' });
export type QueueHistoryQuery = z.infer<typeof QueueHistoryQuery>;
