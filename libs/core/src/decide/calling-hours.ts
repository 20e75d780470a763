import type { CallingHours, QueueConfig, RoutingMode } from '@icc/protocol';
import { IccError } from '../errors';
import { createZoneClock, startOfWallDay, WALL_DAY_MS, type ZoneClock } from '../time/zone-clock';

/**
 * The default for a queue that sets none: the US federal rule for telephone solicitations,
 * 47 CFR § 64.1200(c)(1), no call "before the hour of 8 a.m. or after 9 p.m. (local time at the
 * called party's location)".
 */
export const DEFAULT_CALLING_HOURS: CallingHours = Object.freeze({ start: '08:00', end: '21:00' });

/** The calling hours a queue applies: its own, else `DEFAULT_CALLING_HOURS`. */
export function callingHoursOf(queue: Pick<QueueConfig, 'callingHours'> | undefined): CallingHours {
  return queue?.callingHours ?? DEFAULT_CALLING_HOURS;
}

/**
 * Whether the vendor would dial this callback by itself: every customer-first callback, and an
 * agent-first one when its queue dials on a countdown. Those wait outside calling hours.
 */
export function dialsAutomatically(queue: Pick<QueueConfig, 'dialMethod'>, mode: RoutingMode): boolean {
  return mode === 'customer-first' || queue.dialMethod.type === 'auto';
}

const minutesOf = (clockTime: string) => Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5));

/**
 * The calling window of one of the customer's days (`wallDay`: its midnight as a wall time), as
 * instants [start, end): from the first instant the clock shows `start` to the first it shows
 * `end`, like business hours (a start inside a skipped hour opens when the clocks jump).
 */
function windowOf(hours: CallingHours, clock: ZoneClock, wallDay: number): { start: number; end: number } {
  return {
    start: clock.firstInstantAt(wallDay + minutesOf(hours.start) * 60_000),
    end: clock.firstInstantAt(wallDay + minutesOf(hours.end) * 60_000),
  };
}

/** Whether `instant` (epoch ms) is inside calling hours for a customer in `timeZone`. */
export function isWithinCallingHours(hours: CallingHours, timeZone: string, instant: number): boolean {
  return nextCallingInstant(hours, timeZone, instant) === instant;
}

/**
 * The first instant at or after `instant` inside calling hours for a customer in `timeZone`:
 * `instant` itself when calling is allowed now. A day whose whole window falls in a skipped hour
 * has none; the next day's is taken.
 */
export function nextCallingInstant(hours: CallingHours, timeZone: string, instant: number): number {
  // The protocol refuses such hours; checked here too, so the search below always ends (within two days).
  if (hours.start >= hours.end) throw new IccError('validation_failed', `Calling hours must end after they start (${hours.start}–${hours.end})`);
  // Around the clock needs no time-zone lookup: routing asks this for every callback it would dial.
  if (hours.start === '00:00' && hours.end === '24:00') return instant;
  const clock = createZoneClock(timeZone);
  let wallDay = startOfWallDay(clock.wallTimeAt(instant));
  for (;;) {
    const window = windowOf(hours, clock, wallDay);
    if (window.start < window.end && instant < window.end) return Math.max(window.start, instant);
    wallDay += WALL_DAY_MS;
  }
}
