import { Instant } from './instant';

describe('Instant', () => {
  it.each(['2026-11-24T09:30:00Z', '2026-11-24T09:30:00.123Z', '2026-11-24T10:30:00+01:00', '2026-11-24T04:30:00-05:00'])(
    'accepts %s',
    (instant) => {
      expect(Instant.safeParse(instant).success).toBe(true);
    },
  );

  it.each([
    ['no offset', '2026-11-24T09:30:00'],
    ['date only', '2026-11-24'],
    ['space instead of T', '2026-11-24 09:30:00Z'],
    ['impossible date', '2026-02-30T09:30:00Z'],
    ['epoch milliseconds as text', '1795512600000'],
    ['RFC 2822', 'Tue, 24 Nov 2026 09:30:00 GMT'],
  ])('rejects %s (%j) with a message that shows the expected form', (_why, instant) => {
    const result = Instant.safeParse(instant);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [], message: expect.stringContaining('2026-11-24T09:30:00Z') }),
    ]);
  });

  it('rejects a number', () => {
    expect(Instant.safeParse(Date.parse('2026-11-24T09:30:00Z')).success).toBe(false);
  });
});
