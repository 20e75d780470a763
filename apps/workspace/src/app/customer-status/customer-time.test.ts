import { customerTime } from './customer-time';

describe('customerTime', () => {
  it("writes an instant on the customer's clock, labelled with the zone (it threw with dateStyle + timeZoneName)", () => {
    const text = customerTime('2026-03-11T10:10:00.000Z', 'Europe/Zagreb');
    expect(text).toMatch(/11:10/);
    expect(text).toMatch(/2026/);
    expect(text.endsWith('(Europe/Zagreb)')).toBe(true);
    expect(customerTime('2026-03-11T10:10:00.000Z', 'America/Los_Angeles')).toMatch(/03:10.*\(America\/Los_Angeles\)$/);
  });
});
