import { z } from 'zod';

/** Body of `POST /v1/dev/clock/advance`. */
export const ClockAdvanceRequest = z
  .strictObject({ milliseconds: z.number().int().min(0).max(366 * 24 * 3600 * 1000) })
  .meta({ id: 'ClockAdvanceRequest' });

