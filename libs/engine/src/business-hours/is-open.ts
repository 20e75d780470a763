import type { BusinessHours } from '@icc/protocol';
import { openingIntervals, type OpeningInterval } from './opening-intervals';
import { createZoneClock, startOfWallDay, WALL_DAY_MS } from '@icc/core';

/** One local day of a queue: its instants [start, end) and when it is open during them. */
interface OpeningDay {
  start: number;
  end: number;
  intervals: OpeningInterval[];
}

/**
 * The last day looked up per business hours. Routing asks "is this queue open now?" for every
 * request and timer; the answer only changes at the day's boundaries, and the time-zone lookups
 * behind it (luxon offsets) were most of the cost of queueing.
 */
const lastDayOf = new WeakMap<BusinessHours, OpeningDay>();

/** Whether the queue is open at `instant` (epoch ms). No weekly ranges means open every day not closed. */
export function isOpen(hours: BusinessHours, instant: number): boolean {
  let day = lastDayOf.get(hours);
  // Stryker disable next-line EqualityOperator: at the day's first instant <= only looks the same day up again
  if (!day || instant < day.start || instant >= day.end) {
    const { opening, reusable } = openingDayAt(hours, instant);
    day = opening;
    if (reusable) lastDayOf.set(hours, day);
  }
  return day.intervals.some((interval) => interval.start <= instant && instant < interval.end);
}

function openingDayAt(hours: BusinessHours, instant: number): { opening: OpeningDay; reusable: boolean } {
  const clock = createZoneClock(hours.timeZone);
  const wallDay = startOfWallDay(clock.wallTimeAt(instant));
  const start = clock.firstInstantAt(wallDay);
  const end = clock.firstInstantAt(wallDay + WALL_DAY_MS);
  const intervals = openingIntervals(hours, clock, wallDay, new Set(hours.closedDates));
  // Days the offset changes are looked up every time: exact even where clocks change around midnight.
  // Stryker disable next-line ConditionalExpression: [start, end) is exactly the local day's instants, so caching any day gives the fresh answer (midnight clock-change tests); the guard is defence only
  const sameOffsetAllDay = clock.wallTimeAt(start) - start === clock.wallTimeAt(end - 1) - (end - 1);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: [start, end) is exactly the local day's instants, so caching any day gives the fresh answer (midnight clock-change tests); the guard is defence only
  return { opening: { start, end, intervals }, reusable: sameOffsetAllDay && start <= instant && instant < end };
}
