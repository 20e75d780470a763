import { Customer } from './customer';
import { exampleCustomer } from './examples';
import { IanaTimeZone, isIanaTimeZone } from './iana-time-zone';

describe('IanaTimeZone', () => {
  it.each(['America/New_York', 'Europe/Paris', 'Europe/London', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires', 'UTC'])(
    'accepts %s',
    (zone) => {
      expect(IanaTimeZone.safeParse(zone).success).toBe(true);
    },
  );

  it.each([
    ['unknown zone', 'Mars/Olympus_Mons'],
    ['abbreviation', 'EST'],
    ['offset', '+01:00'],
    ['wrong case', 'europe/paris'],
    ['upper case', 'AMERICA/NEW_YORK'],
    ['empty', ''],
    ['Windows name', 'Pacific Standard Time'],
  ])('rejects %s (%j)', (_why, zone) => {
    const result = IanaTimeZone.safeParse(zone);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([]);
    expect(isIanaTimeZone(zone)).toBe(false);
  });

  it('reports the path inside a customer', () => {
    const result = Customer.safeParse(exampleCustomer({ timeZone: 'Europe/Atlantis' }));
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['timeZone'], message: 'Expected an IANA time zone name, e.g. Europe/Paris' }),
    ]);
  });
});

describe('isIanaTimeZone memo', () => {
  it('gives the same verdict on every repeat, and checks each name with Intl only once', () => {
    const formats = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      const names = ['Australia/Sydney', 'Mars/Phobos', 'australia/sydney', 'Australia/Sydney', 'Mars/Phobos', 'australia/sydney'];
      expect(names.map(isIanaTimeZone)).toEqual([true, false, false, true, false, false]);
      expect(formats).toHaveBeenCalledTimes(3);
    } finally {
      formats.mockRestore();
    }
  });

  it('keeps answering correctly after many distinct invalid names', () => {
    for (let index = 0; index < 5_000; index++) expect(isIanaTimeZone(`Nowhere/Zone_${index}`)).toBe(false);
    expect(isIanaTimeZone('Europe/Paris')).toBe(true);
    expect(isIanaTimeZone('europe/paris')).toBe(false);
  });
});
