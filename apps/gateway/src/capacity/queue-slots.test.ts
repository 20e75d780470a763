import { BusinessHours, SlotSettings } from '@icc/protocol';
import { localWallTime } from './local-wall-time';
import { countBookings, nextFreeSlots, seatsLeftAt, slotsBetween, type SlotGrid } from './queue-slots';

const at = Date.parse;
const settings = SlotSettings.parse({ minutes: 30, capacity: 2, perHourCap: 3 });
/** Open 09:00-11:00 UTC every day. */
const nineToEleven = (_hours: BusinessHours, instant: number) => {
  const hour = new Date(instant).getUTCHours();
  return hour >= 9 && hour < 11;
};
const grid = (starts: string[]): SlotGrid => ({
  hours: BusinessHours.parse({ timeZone: 'UTC' }),
  settings,
  counts: countBookings(starts.map(at), settings),
  isOpen: nineToEleven,
  local: (instant) => localWallTime(instant, 'UTC'),
});

describe('slot grid', () => {
  it('counts a start in its slot and its hour, the smaller seat count wins', () => {
    const counts = countBookings([at('2026-03-11T09:10:00Z'), at('2026-03-11T09:20:00Z'), at('2026-03-11T09:40:00Z')], settings);
    expect(seatsLeftAt(at('2026-03-11T09:00:00Z'), settings, counts)).toEqual({ booked: 2, remaining: 0 });
    expect(seatsLeftAt(at('2026-03-11T09:30:00Z'), settings, counts)).toEqual({ booked: 1, remaining: 0 }); // hour full
    expect(seatsLeftAt(at('2026-03-11T10:00:00Z'), settings, counts)).toEqual({ booked: 0, remaining: 2 });
  });

  it('lists aligned slots wholly inside opening hours', () => {
    const slots = slotsBetween(grid([]), at('2026-03-11T08:45:00Z'), at('2026-03-11T12:00:00Z'));
    expect(slots.map((slot) => [slot.start, slot.end, slot.localStart])).toEqual([
      ['2026-03-11T09:00:00.000Z', '2026-03-11T09:30:00.000Z', '2026-03-11T09:00+00:00'],
      ['2026-03-11T09:30:00.000Z', '2026-03-11T10:00:00.000Z', '2026-03-11T09:30+00:00'],
      ['2026-03-11T10:00:00.000Z', '2026-03-11T10:30:00.000Z', '2026-03-11T10:00+00:00'],
      ['2026-03-11T10:30:00.000Z', '2026-03-11T11:00:00.000Z', '2026-03-11T10:30+00:00'],
    ]);
  });

  it('finds the next free slots past closed hours and full ones, into the next day', () => {
    const full = grid(['2026-03-11T10:00:00Z', '2026-03-11T10:01:00Z', '2026-03-11T10:31:00Z']);
    expect(nextFreeSlots(full, at('2026-03-11T10:00:00Z'), 3)).toEqual(['2026-03-12T09:00:00.000Z', '2026-03-12T09:30:00.000Z', '2026-03-12T10:00:00.000Z']);
  });

  it('writes the wall clock with the offset of that moment', () => {
    expect(localWallTime(at('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08T03:00-04:00');
    expect(localWallTime(at('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('2026-03-08T01:59-05:00');
    expect(localWallTime(at('2026-06-01T12:00:00Z'), 'Asia/Kathmandu')).toBe('2026-06-01T17:45+05:45');
  });
});
