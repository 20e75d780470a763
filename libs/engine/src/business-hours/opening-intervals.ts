import type { BusinessHours } from '@icc/protocol';
import { WALL_DAY_MS, type ZoneClock } from '@icc/core';

/** Half-open span of instants [start, end). */
export interface OpeningInterval {
  readonly start: number;
  readonly end: number;
}

const minutesOf = (clockTime: string) => Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5));

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall day. */
export function isoWeekdayOf(wallDay: number): number {
  return ((new Date(wallDay).getUTCDay() + 6) % 7) + 1;
}

/** YYYY-MM-DD of a wall day. */
export function isoDateOf(wallDay: number): string {
  return new Date(wallDay).toISOString().slice(0, 10);
}

/**
 * When the queue is open during one local day (`wallDay` is its midnight as a wall time).
 * A weekly range runs from the first instant the wall clock shows `open` to the first instant
 * it shows `close`, so a range over a fall-back hour lasts an hour longer, and an opening time
 * inside a skipped hour opens when the clocks jump.
 */
export function openingIntervals(hours: BusinessHours, clock: ZoneClock, wallDay: number, closedDates: ReadonlySet<string>): OpeningInterval[] {
  if (closedDates.has(isoDateOf(wallDay))) return [];
  if (hours.weekly.length === 0) return [{ start: clock.firstInstantAt(wallDay), end: clock.firstInstantAt(wallDay + WALL_DAY_MS) }];
  const weekday = isoWeekdayOf(wallDay);
  const intervals: OpeningInterval[] = [];
  for (const range of hours.weekly) {
    if (range.weekday !== weekday) continue;
    const start = clock.firstInstantAt(wallDay + minutesOf(range.open) * 60_000);
    const end = clock.firstInstantAt(wallDay + minutesOf(range.close) * 60_000);
    if (start < end) intervals.push({ start, end });
  }
  return intervals;
}
