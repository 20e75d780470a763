import type { BusinessHours } from '@icc/protocol';
import { openingIntervals } from './opening-intervals';
import { createZoneClock, startOfWallDay } from './zone-clock';

/** Whether the queue is open at `instant` (epoch ms). No weekly ranges means open every day not closed. */
export function isOpen(hours: BusinessHours, instant: number): boolean {
  const clock = createZoneClock(hours.timeZone);
  const wallDay = startOfWallDay(clock.wallTimeAt(instant));
  return openingIntervals(hours, clock, wallDay, new Set(hours.closedDates)).some(
    (interval) => interval.start <= instant && instant < interval.end,
  );
}
