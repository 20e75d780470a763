import { IccError } from '../errors';
import { createZoneClock, startOfWallDay } from './zone-clock';

const wall = (isoWithoutZone: string) => Date.parse(`${isoWithoutZone}Z`);
const at = Date.parse;

describe('createZoneClock', () => {
  const newYork = createZoneClock('America/New_York');
  const paris = createZoneClock('Europe/Paris');

  it('maps instants to the local wall clock on either side of a change', () => {
    expect(newYork.wallTimeAt(at('2026-03-08T06:59:00Z'))).toBe(wall('2026-03-08T01:59:00'));
    expect(newYork.wallTimeAt(at('2026-03-08T07:00:00Z'))).toBe(wall('2026-03-08T03:00:00'));
    expect(paris.wallTimeAt(at('2026-10-25T00:30:00Z'))).toBe(wall('2026-10-25T02:30:00'));
    expect(paris.wallTimeAt(at('2026-10-25T01:30:00Z'))).toBe(wall('2026-10-25T02:30:00'));
  });

  it('resolves an ordinary wall time to its one instant', () => {
    expect(newYork.firstInstantAt(wall('2026-01-05T09:00:00'))).toBe(at('2026-01-05T14:00:00Z'));
    expect(paris.firstInstantAt(wall('2026-07-01T09:00:00'))).toBe(at('2026-07-01T07:00:00Z'));
  });

  it('resolves a repeated wall time to its first occurrence', () => {
    expect(newYork.firstInstantAt(wall('2026-11-01T01:30:00'))).toBe(at('2026-11-01T05:30:00Z'));
    expect(paris.firstInstantAt(wall('2026-10-25T02:30:00'))).toBe(at('2026-10-25T00:30:00Z'));
  });

  it('resolves a skipped wall time to the instant the clocks jump', () => {
    expect(newYork.firstInstantAt(wall('2026-03-08T02:30:00'))).toBe(at('2026-03-08T07:00:00Z'));
    expect(newYork.firstInstantAt(wall('2026-03-08T02:00:00'))).toBe(at('2026-03-08T07:00:00Z'));
    expect(paris.firstInstantAt(wall('2026-03-29T02:30:00'))).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('rejects an unknown time zone with a validation error', () => {
    expect(() => createZoneClock('Mars/Olympus_Mons')).toThrow(IccError);
    expect(() => createZoneClock('Mars/Olympus_Mons')).toThrow(/IANA/);
    expect(() => createZoneClock('Mars/Olympus_Mons')).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: 'Unknown time zone "Mars/Olympus_Mons": use an IANA name such as Europe/Paris.' }),
    );
  });
});

describe('startOfWallDay', () => {
  it('truncates a wall time to its midnight', () => {
    expect(startOfWallDay(wall('2026-03-08T23:59:59'))).toBe(wall('2026-03-08T00:00:00'));
    expect(startOfWallDay(wall('2026-03-08T00:00:00'))).toBe(wall('2026-03-08T00:00:00'));
  });
});
