import { z } from 'zod';

/** A point in time as ISO-8601 with an explicit offset (`2026-11-24T09:30:00Z` or `…+01:00`). */
export const Instant = z.iso
  .datetime({ offset: true, message: 'Expected an ISO-8601 date-time with offset, e.g. 2026-11-24T09:30:00Z' })
  .meta({ id: 'Instant' });
export type Instant = z.infer<typeof Instant>;
