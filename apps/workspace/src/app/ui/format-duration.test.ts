import { formatDuration, formatSeconds, remainingMilliseconds } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [65_000, '1:05'],
    [3_600_000 + 62_000, '1:01:02'],
    [-5_000, '0:00'],
  ])('%d ms is %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});

describe('remainingMilliseconds', () => {
  it('rounds up to whole seconds and never goes below zero', () => {
    const now = Date.parse('2026-03-10T14:00:00Z');
    expect(remainingMilliseconds('2026-03-10T14:00:10Z', now + 500)).toBe(10_000);
    expect(remainingMilliseconds('2026-03-10T13:59:00Z', now)).toBe(0);
  });
});

describe('formatSeconds', () => {
  it.each([
    [38.5, '39 s'],
    [185, '3 min 05 s'],
    [7_800, '2 h 10 min'],
  ])('%d s is %s', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected);
  });
});
