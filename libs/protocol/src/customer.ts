import { z } from 'zod';
import { E164PhoneNumber } from './e164-phone-number';
import { IanaTimeZone } from './iana-time-zone';

export const Customer = z
  .object({
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(80),
    /** One or more numbers; the agent picks one in the Callback number drop-down. */
    phoneNumbers: z.array(E164PhoneNumber).min(1).max(5),
    timeZone: IanaTimeZone,
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Expected a locale such as en-US')
      .default('en-US'),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof Customer>;
