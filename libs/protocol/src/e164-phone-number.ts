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

/**
 * An international number in any common formatting (`+1 (415) 555-2671`), stored in E.164. Only numbers
 * written with their country code: a national format has no country to read it in, and stays refused.
 */
export const InternationalPhoneNumber = z
  .preprocess((value) => (typeof value === 'string' ? toE164(value) ?? value : value), E164PhoneNumber)
  .meta({ id: 'InternationalPhoneNumber', description: 'Phone number with its country code (+…), any spacing or punctuation; stored in E.164', examples: ['+1 (415) 555-2671'] });

/** E.164 form of an international number however it is spaced or punctuated; undefined when it is not one. */
export function toE164(value: string): string | undefined {
  if (!value.trim().startsWith('+')) return undefined;
  const parsed = parsePhoneNumberFromString(value.trim());
  return parsed?.isValid() ? parsed.number : undefined;
}
