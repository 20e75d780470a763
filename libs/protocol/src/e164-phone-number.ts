import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';

/** A dialable number in E.164 form (`+14155552671`): leading `+`, country code, no spaces. */
export const E164PhoneNumber = z
  .string()
  .refine(isE164PhoneNumber, { message: 'Expected a valid phone number in E.164 form, e.g. +14155552671' })
  .meta({ id: 'E164PhoneNumber', description: 'Phone number in E.164 form', examples: ['+14155552671'] });
export type E164PhoneNumber = z.infer<typeof E164PhoneNumber>;

export function isE164PhoneNumber(value: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(value)) return false;
  const parsed = parsePhoneNumberFromString(value);
  return parsed !== undefined && parsed.number === value && parsed.isValid();
}
