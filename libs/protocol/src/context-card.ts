import { z } from 'zod';
import { CallbackReason } from './callback-reason';
import { CallbackNumber, QueueId } from './identifiers';
import { E164PhoneNumber } from './e164-phone-number';
import { Instant } from './instant';
import { RoutingMode } from './routing-mode';

/** Everything the agent needs before dialing; "wait so far" is `now - requestedAt`. */
export const ContextCard = z
  .object({
    callbackNumber: CallbackNumber,
    customerName: z.string(),
    phoneNumbers: z.array(E164PhoneNumber).min(1),
    customerTimeZone: z.string(),
    locale: z.string(),
    queueId: QueueId,
    queueName: z.string(),
    mode: RoutingMode,
    type: z.enum(['asap', 'scheduled']),
    reason: CallbackReason,
    reasonLabel: z.string(),
    shortDescription: z.string(),
    description: z.string().optional(),
    notes: z.string().optional(),
    caseRef: z.string().optional(),
    accountRef: z.string().optional(),
    ivrPath: z.array(z.string()),
    attributes: z.record(z.string(), z.string()),
    requestedAt: Instant,
    scheduledAt: Instant.optional(),
    attempt: z.number().int().min(0),
    maxAttempts: z.number().int().min(1),
  })
  .meta({ id: 'ContextCard' });
export type ContextCard = z.infer<typeof ContextCard>;
