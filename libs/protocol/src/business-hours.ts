import { z } from 'zod';
import { IanaTimeZone } from './iana-time-zone';

/** A wall-clock time of day, `HH:mm` on a 24-hour clock (`00:00`–`23:59`). */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:mm (24-hour clock)');

/** Opening hours of a queue in its own time zone. No `weekly` entries means always open. */
export const BusinessHours = z
  .object({
    timeZone: IanaTimeZone,
    weekly: z
      .array(
        z
          .object({
            /** ISO weekday: 1 = Monday … 7 = Sunday. */
            weekday: z.number().int().min(1).max(7),
            open: ClockTime,
            close: ClockTime,
          })
          .refine((range) => range.open < range.close, { message: 'open must be before close', path: ['close'] }),
      )
      .default([]),
    /** Local dates (YYYY-MM-DD) the queue is closed all day. */
    closedDates: z.array(z.iso.date()).default([]),
  })
  .meta({ id: 'BusinessHours' });
export type BusinessHours = z.infer<typeof BusinessHours>;
