import { z } from 'zod';
import { QueueConfig } from './queue-config';
import { Instant } from './instant';

/** Body of `POST /v1/queues`: a new queue; the gateway assigns version 1. */
export const CreateQueueRequest = QueueConfig.omit({ version: true }).strict().meta({ id: 'CreateQueueRequest' });
export type CreateQueueRequest = z.infer<typeof CreateQueueRequest>;
export type CreateQueueRequestInput = z.input<typeof CreateQueueRequest>;

/** Body of `PUT /v1/queues/:id`: the whole configuration; the id is the path's, the version the gateway's. */
export const ReplaceQueueRequest = QueueConfig.omit({ id: true, version: true }).strict().meta({ id: 'ReplaceQueueRequest' });
export type ReplaceQueueRequest = z.infer<typeof ReplaceQueueRequest>;

/**
 * Body of `PATCH /v1/queues/:id`: the fields to change, each replaced whole (`businessHours`,
 * `retryPolicy`, `dialMethod` are not merged field by field); `closingReasons: null` removes them.
 */
export const UpdateQueueRequest = z
  .object({
    ...ReplaceQueueRequest.shape,
    // Without their defaults: a field the PATCH does not name keeps its value, it is not reset.
    autoCloseSeconds: ReplaceQueueRequest.shape.autoCloseSeconds.unwrap(),
    offerTimeoutSeconds: ReplaceQueueRequest.shape.offerTimeoutSeconds.unwrap(),
    pacing: ReplaceQueueRequest.shape.pacing.unwrap(),
    closingReasons: ReplaceQueueRequest.shape.closingReasons.unwrap().nullable(),
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Name at least one field to change' })
  .meta({ id: 'UpdateQueueRequest' });
export type UpdateQueueRequest = z.infer<typeof UpdateQueueRequest>;

/** One stored version of a queue: `GET /v1/queues/:id/versions`. `removed` marks the version that deleted it. */
export const QueueConfigRevision = z
  .object({
    queueId: z.string(),
    version: z.number().int().min(1),
    changedAt: Instant,
    /** The agent (supervisor) whose request made the change; `system` for the gateway's own seeding. */
    changedBy: z.string().min(1).max(128),
    removed: z.boolean(),
    config: QueueConfig,
  })
  .meta({ id: 'QueueConfigRevision' });
export type QueueConfigRevision = z.infer<typeof QueueConfigRevision>;
