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
  return parseInternational(value) === value;
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
  const trimmed = value.trim();
  if (!trimmed.startsWith('+')) return undefined;
  return parseInternational(trimmed);
}

/** Numbers parsed lately: a request's number is checked by its schema, its booking and its projection. */
const PARSED_LIMIT = 10_000;
const parsedLately = new Map<string, string | null>();

/** The E.164 form of a valid number written with its country code, else undefined (libphonenumber, remembered). */
function parseInternational(value: string): string | undefined {
  let e164 = parsedLately.get(value);
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(value);
    e164 = parsed?.isValid() ? parsed.number : null;
    if (parsedLately.size >= PARSED_LIMIT) parsedLately.delete(parsedLately.keys().next().value as string);
    parsedLately.set(value, e164);
  }
  return e164 ?? undefined;
}
