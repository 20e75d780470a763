import { z } from 'zod';
import { ClockTime } from './business-hours';

/**
 * When a queue's customers may be called, on the CUSTOMER's clock (their `timeZone`), every day:
 * from `start` (included) to `end` (excluded); `end` may be `24:00` (midnight at the end of the
 * day), so `00:00`–`24:00` means around the clock. Absent on a queue means the default that
 * `callingHoursOf` in @icc/core applies (08:00–21:00, 47 CFR § 64.1200(c)(1)).
 */
export const CallingHours = z
  .object({ start: ClockTime, end: z.union([ClockTime, z.literal('24:00')]) })
  .refine((hours) => hours.start < hours.end, {
    message: 'end must be after start',
    path: ['end'],
    // Compared only once both are valid times: a malformed start is reported once, at start.
    when: (payload) => payload.issues.length === 0,
  })
  .meta({ id: 'CallingHours' });
export type CallingHours = z.infer<typeof CallingHours>;
