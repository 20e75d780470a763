import { parseRetryAfter } from './parse-retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-05T09:00:00Z');

  it.each([
    ['delta-seconds', '7', 7000],
    ['fractional seconds', '1.5', 1500],
    ['an HTTP date', 'Mon, 05 Jan 2026 09:01:00 GMT', 60_000],
    ['an HTTP date in the past', 'Mon, 05 Jan 2026 08:00:00 GMT', 0],
  ])('reads %s', (_what, header, milliseconds) => {
    expect(parseRetryAfter(header, now)).toBe(milliseconds);
  });

  it.each([null, undefined, '', '  ', 'soon', '-5'])('gives undefined for %p', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});
