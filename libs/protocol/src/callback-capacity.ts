import { z } from 'zod';
import { IanaTimeZone } from './iana-time-zone';
import { Instant } from './instant';

/**
 * Scheduled-callback capacity of a queue. Defaults follow Genesys Engage's callback service
 * (GMS "Scheduled Call" options, docs.genesys.com/Documentation/Options/latest/GMS/Callback-Scheduled_Call):
 * `_request_time_bucket` 5 minutes (valid 5,10,15,20,30,60,120), `_max_request_by_time_bucket` 100;
 * and its Capacity service's `_max_capacity` 1000 "per hourly slot"
 * (docs.genesys.com/Documentation/GMS/8.5.2/API/CapacityAPI).
 */
export const SlotSettings = z
  .object({
    /** Length of a slot in minutes (Genesys `_request_time_bucket`). */
    minutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60), z.literal(120)]).default(5),
    /** Scheduled callbacks per slot (Genesys `_max_request_by_time_bucket`). */
    capacity: z.number().int().min(1).max(100_000).default(100),
    /** Scheduled callbacks per clock hour (UTC hour), across its slots (Genesys `_max_capacity`). */
    perHourCap: z.number().int().min(1).max(1_000_000).default(1000),
  })
  .meta({ id: 'SlotSettings' });
export type SlotSettings = z.infer<typeof SlotSettings>;

/**
 * Open callbacks allowed per customer number in a queue. Genesys Engage's `_enable_in_queue_checking`
 * (docs.genesys.com/Documentation/Options/latest/GMS/Callback-Queue_Management) allows two (`true`) or one
 * (`strict`), or does not check (`false`); ICC defaults to one. Beyond it, `reject` answers 409
 * `duplicate_callback`, `update` changes the open one instead, `allow` does not check (Genesys `false`).
 */
export const DuplicateSettings = z
  .object({
    maxOpenPerNumber: z.number().int().min(1).max(100).default(1),
    onDuplicate: z.enum(['reject', 'update', 'allow']).default('reject'),
  })
  .meta({ id: 'DuplicateSettings' });
export type DuplicateSettings = z.infer<typeof DuplicateSettings>;

/** The one place the defaults of a queue's optional capacity settings are applied. */
export function slotSettingsOf(queue: { slots?: Partial<SlotSettings> | undefined }): SlotSettings {
  return SlotSettings.parse(queue.slots ?? {});
}
export function duplicateSettingsOf(queue: { duplicates?: Partial<DuplicateSettings> | undefined }): DuplicateSettings {
  return DuplicateSettings.parse(queue.duplicates ?? {});
}

/** The range of a slot listing: `to` after `from`, at most 7 days. */
export const SLOT_RANGE = { from: Instant, to: Instant };

/** The rules of a slot listing's range, for every query that lists slots (queue's and customer's). */
export function withSlotRangeRules<S extends z.ZodType<{ from: string; to: string }>>(schema: S) {
  return schema
    .refine((query) => Date.parse(query.to) > Date.parse(query.from), { message: 'to must be after from', path: ['to'] })
    .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= 7 * 86_400_000, { message: 'At most 7 days at once', path: ['to'] });
}

/** Query of `GET /v1/queues/:id/slots`: at most 7 days; `timeZone` only changes `localStart`. */
export const QueueSlotsQuery = withSlotRangeRules(
  z.strictObject({
    ...SLOT_RANGE,
    timeZone: IanaTimeZone.optional(),
  }),
).meta({ id: 'QueueSlotsQuery' });
export type QueueSlotsQuery = z.infer<typeof QueueSlotsQuery>;

export const QueueSlot = z
  .object({
    start: Instant,
    end: Instant,
    /** Wall-clock start in the asked (or the queue's) time zone, e.g. `2026-03-08T09:00-04:00`. */
    localStart: z.string(),
    booked: z.number().int().min(0),
    /** Seats left: the smaller of the slot's and its hour's. 0 = full. */
    remaining: z.number().int().min(0),
  })
  .meta({ id: 'QueueSlot' });
export type QueueSlot = z.infer<typeof QueueSlot>;

export const QueueSlotList = z
  .object({
    queueId: z.string(),
    timeZone: IanaTimeZone,
    settings: SlotSettings,
    items: z.array(QueueSlot),
  })
  .meta({ id: 'QueueSlotList' });
export type QueueSlotList = z.infer<typeof QueueSlotList>;
