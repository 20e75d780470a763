import { IANAZone } from 'luxon';
import { IccError } from '../errors';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Converts between instants and the wall clock of one time zone. A "wall time" is the local
 * date and time written as if it were UTC epoch ms, so calendar arithmetic stays plain.
 */
export interface ZoneClock {
  /** The wall time shown at `instant`. */
  wallTimeAt(instant: number): number;
  /**
   * The first instant at which the wall clock shows `wallTime`: the earlier one when the time
   * occurs twice (fall-back), the end of the gap when it is skipped (spring-forward).
   */
  firstInstantAt(wallTime: number): number;
}

export function createZoneClock(timeZone: string): ZoneClock {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new IccError('validation_failed', `Unknown time zone "${timeZone}": use an IANA name such as Europe/Paris.`);
  const offsetAt = (instant: number) => zone.offset(instant) * MINUTE;
  const wallTimeAt = (instant: number) => instant + offsetAt(instant);

  return {
    wallTimeAt,
    firstInstantAt(wallTime) {
      // A day either side sees the offsets in force before and after any change near wallTime.
      const offsets = [...new Set([offsetAt(wallTime - DAY), offsetAt(wallTime), offsetAt(wallTime + DAY)])];
      const matches = offsets.map((offset) => wallTime - offset).filter((instant) => wallTimeAt(instant) === wallTime);
      if (matches.length > 0) return Math.min(...matches);
      // Skipped: search the change between "still before wallTime" and "already past it".
      let before = wallTime - Math.max(...offsets);
      let after = wallTime - Math.min(...offsets);
      while (after - before > 1) {
        const middle = Math.floor((before + after) / 2);
        // Stryker disable next-line EqualityOperator: wallTime is skipped, no instant shows it exactly, so >= and > agree
        if (wallTimeAt(middle) >= wallTime) after = middle;
        else before = middle;
      }
      return after;
    },
  };
}

/** Midnight of the wall time's date, as a wall time. */
export function startOfWallDay(wallTime: number): number {
  return Math.floor(wallTime / DAY) * DAY;
}

export const WALL_DAY_MS = DAY;
