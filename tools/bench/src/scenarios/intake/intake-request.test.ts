import { toE164 } from '@icc/protocol';
import { benchCallerNumber, intakeRequestBody, nextCaller } from './intake-request';

describe('intake request bodies', () => {
  it('come from a distinct, valid caller number each, so the queue never sees a duplicate', () => {
    const numbers = Array.from({ length: 100_000 }, (_, n) => benchCallerNumber(n));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers.filter((_, n) => n % 997 === 0)) expect(toE164(number)).toBe(number);
    expect(JSON.parse(intakeRequestBody(7)).customer.phoneNumbers).toEqual([benchCallerNumber(7)]);
  });

  it('never repeat a caller across load phases of one harness process', () => {
    const first = Array.from({ length: 1000 }, nextCaller);
    const second = Array.from({ length: 1000 }, nextCaller);
    expect(new Set([...first, ...second].map(benchCallerNumber)).size).toBe(2000);
  });
});
