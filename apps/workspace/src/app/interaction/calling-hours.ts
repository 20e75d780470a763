import { callingHoursOf, isWithinCallingHours, nextCallingInstant } from '@icc/core';
import type { CallingHours, QueueConfig } from '@icc/protocol';

/**
 * The calling hours of a callback's queue, as the workspace knows the queue (the current version
 * from the stream's snapshot); the default (`callingHoursOf` in @icc/core, 47 CFR § 64.1200(c)(1))
 * when the queue sets none or is unknown here. A callback the customer asked for is not a
 * solicitation, so the workspace warns before a manual dial rather than refuses.
 */
export function queueCallingHours(queues: readonly QueueConfig[], queueId: string): CallingHours {
  return callingHoursOf(queues.find((queue) => queue.id === queueId));
}

export interface CustomerClock {
  /** e.g. `07:12` (24-hour, the customer's zone). */
  time: string;
  /** e.g. `Tue`. */
  weekday: string;
  /** Whether calling now is inside the queue's calling hours on the customer's clock. */
  withinCallingHours: boolean;
}

/** The customer's wall clock at `now`; undefined when the zone is unknown to this browser. */
export function customerClock(now: number, timeZone: string, hours: CallingHours): CustomerClock | undefined {
  const parts = clockParts(now, timeZone);
  if (!parts) return undefined;
  return { time: parts.time, weekday: parts.weekday, withinCallingHours: isWithinCallingHours(hours, timeZone, now) };
}

/** When a callback held for calling hours may be called, on the customer's clock, e.g. `Wed 08:00`. */
export function nextCallingTime(now: number, timeZone: string, hours: CallingHours): string | undefined {
  const parts = clockParts(nextCallingInstant(hours, timeZone, now), timeZone);
  return parts && `${parts.weekday} ${parts.time}`;
}

function clockParts(instant: number, timeZone: string): { time: string; weekday: string } | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).formatToParts(instant);
  } catch {
    return undefined;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { time: `${part('hour')}:${part('minute')}`, weekday: part('weekday') };
}

/** e.g. `08:00–21:00`. */
export function callingHoursText(hours: CallingHours): string {
  return `${hours.start}–${hours.end}`;
}
