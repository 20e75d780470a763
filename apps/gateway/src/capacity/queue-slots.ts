import type { BusinessHours, QueueSlot, SlotSettings } from '@icc/protocol';

/** The business-hours rule of the in-process engine (DST-correct), handed in by the composition root. */
export type IsOpenAt = (hours: BusinessHours, instant: number) => boolean;

const HOUR_MS = 3_600_000;

/** Scheduled starts already booked, counted per slot start and per UTC hour. */
export interface BookingCounts {
  perSlot: Map<number, number>;
  perHour: Map<number, number>;
}

export function slotStartOf(instant: number, settings: SlotSettings): number {
  const length = settings.minutes * 60_000;
  return Math.floor(instant / length) * length;
}

export function countBookings(starts: readonly number[], settings: SlotSettings): BookingCounts {
  const counts: BookingCounts = { perSlot: new Map(), perHour: new Map() };
  for (const start of starts) {
    const slot = slotStartOf(start, settings);
    const hour = Math.floor(start / HOUR_MS);
    counts.perSlot.set(slot, (counts.perSlot.get(slot) ?? 0) + 1);
    counts.perHour.set(hour, (counts.perHour.get(hour) ?? 0) + 1);
  }
  return counts;
}

/** Seats left in the slot that holds `instant`: the smaller of the slot's and its hour's. */
export function seatsLeftAt(instant: number, settings: SlotSettings, counts: BookingCounts): { booked: number; remaining: number } {
  const booked = counts.perSlot.get(slotStartOf(instant, settings)) ?? 0;
  const bookedInHour = counts.perHour.get(Math.floor(instant / HOUR_MS)) ?? 0;
  return { booked, remaining: Math.max(0, Math.min(settings.capacity - booked, settings.perHourCap - bookedInHour)) };
}

export interface SlotGrid {
  hours: BusinessHours;
  settings: SlotSettings;
  counts: BookingCounts;
  isOpen: IsOpenAt;
  /** Wall-clock rendering of a slot start (`localStart`). */
  local: (instant: number) => string;
}

/**
 * Slots in [from, to): starts aligned to UTC multiples of the slot length, kept when the queue is
 * open for the whole slot (its first and last instant), as its business hours say in its own zone.
 */
export function slotsBetween(grid: SlotGrid, from: number, to: number): QueueSlot[] {
  const length = grid.settings.minutes * 60_000;
  const slots: QueueSlot[] = [];
  for (let start = Math.ceil(from / length) * length; start < to; start += length) {
    if (!grid.isOpen(grid.hours, start) || !grid.isOpen(grid.hours, start + length - 1)) continue;
    slots.push({
      start: new Date(start).toISOString(),
      end: new Date(start + length).toISOString(),
      localStart: grid.local(start),
      ...seatsLeftAt(start, grid.settings, grid.counts),
    });
  }
  return slots;
}

/** The next `count` open slots with a seat, from `from` on, looking at most `horizonDays` ahead. */
export function nextFreeSlots(grid: SlotGrid, from: number, count = 5, horizonDays = 14): string[] {
  const free: string[] = [];
  const end = from + horizonDays * 86_400_000;
  for (let day = from; day < end && free.length < count; day += 86_400_000) {
    for (const slot of slotsBetween(grid, day, Math.min(day + 86_400_000, end))) {
      if (slot.remaining > 0) free.push(slot.start);
      if (free.length === count) break;
    }
  }
  return free;
}
