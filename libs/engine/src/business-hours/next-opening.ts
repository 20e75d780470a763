import type { BusinessHours } from '@icc/protocol';
import { openingIntervals } from './opening-intervals';
import { createZoneClock, startOfWallDay, WALL_DAY_MS } from '@icc/core';

// Past the last closed date, any weekly range comes round within a week; two leave margin.
const SEARCH_MARGIN_DAYS = 14;

/**
 * The first instant at or after `instant` at which the queue is open: `instant` itself when
 * open now, undefined when it never opens again.
 */
export function nextOpening(hours: BusinessHours, instant: number): number | undefined {
  const clock = createZoneClock(hours.timeZone);
  const closedDates = new Set(hours.closedDates);
  const firstDay = startOfWallDay(clock.wallTimeAt(instant));
  const lastClosedDay = hours.closedDates.reduce((latest, date) => Math.max(latest, Date.parse(date)), firstDay);
  const lastDay = lastClosedDay + SEARCH_MARGIN_DAYS * WALL_DAY_MS;

  // Stryker disable next-line EqualityOperator: the margin is a week longer than any weekly range needs, the last day is never the first opening
  for (let wallDay = firstDay; wallDay <= lastDay; wallDay += WALL_DAY_MS) {
    let earliest: number | undefined;
    for (const interval of openingIntervals(hours, clock, wallDay, closedDates)) {
      if (interval.end <= instant) continue;
      const opensAt = Math.max(interval.start, instant);
      // Stryker disable next-line EqualityOperator: on equal instants keeping either one gives the same number
      if (earliest === undefined || opensAt < earliest) earliest = opensAt;
    }
    if (earliest !== undefined) return earliest;
  }
  return undefined;
}
