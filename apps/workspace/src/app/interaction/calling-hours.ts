/**
 * The window in which calling a customer is acceptable, on the customer's clock. The default is the
 * US federal rule for telephone solicitations, 47 CFR § 64.1200(c)(1): not "before the hour of 8 a.m.
 * or after 9 p.m. (local time at the called party's location)". A callback the customer asked for is
 * not a solicitation, so the workspace warns rather than refuses.
 */
export const CALLING_HOURS = { fromHour: 8, untilHour: 21 } as const;

export interface CustomerClock {
  /** e.g. `07:12` (24-hour, the customer's zone). */
  time: string;
  /** e.g. `Tue`. */
  weekday: string;
  /** False before `fromHour` or from `untilHour` on. */
  withinCallingHours: boolean;
}

/** The customer's wall clock at `now`; undefined when the zone is unknown to this browser. */
export function customerClock(now: number, timeZone: string): CustomerClock | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(now);
  } catch {
    return undefined;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const hour = Number(part('hour'));
  return {
    time: `${part('hour')}:${part('minute')}`,
    weekday: part('weekday'),
    withinCallingHours: hour >= CALLING_HOURS.fromHour && hour < CALLING_HOURS.untilHour,
  };
}

/** `08:00–21:00`. */
export function callingHoursText(): string {
  const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return `${pad(CALLING_HOURS.fromHour)}–${pad(CALLING_HOURS.untilHour)}`;
}
