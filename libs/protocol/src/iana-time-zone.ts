import { z } from 'zod';

/** An IANA time zone name such as `Europe/Paris`; checked against the runtime's tz database. */
export const IanaTimeZone = z
  .string()
  .min(1)
  .refine(isIanaTimeZone, { message: 'Expected an IANA time zone name, e.g. Europe/Paris' })
  .meta({ id: 'IanaTimeZone', examples: ['America/New_York'] });
export type IanaTimeZone = z.infer<typeof IanaTimeZone>;

/** Verdicts by name: building an `Intl.DateTimeFormat` costs far more than the lookup. */
const verdicts = new Map<string, boolean>();
/** Bounds the memo when callers send many distinct invalid names; valid ones are a few hundred. */
const MAX_VERDICTS = 2_000;

export function isIanaTimeZone(value: string): boolean {
  const known = verdicts.get(value);
  if (known !== undefined) return known;
  const verdict = checkIanaTimeZone(value);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(value, verdict);
  return verdict;
}

function checkIanaTimeZone(value: string): boolean {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    // Intl matches names case-insensitively; keep only the database's own spelling (`Europe/Paris`).
    const miscased = resolved !== value && resolved.toLowerCase() === value.toLowerCase();
    return !miscased && (value.includes('/') || value === 'UTC');
  } catch {
    return false;
  }
}
