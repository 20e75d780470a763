import { E164PhoneNumber, isE164PhoneNumber, toE164 } from './e164-phone-number';
import { Customer } from './customer';
import { exampleCustomer } from './examples';

describe('E164PhoneNumber', () => {
  it.each(['+14155552671', '+442071838750', '+33142685300', '+4915123456789', '+61291234567'])('accepts %s', (number) => {
    expect(E164PhoneNumber.safeParse(number).success).toBe(true);
    expect(isE164PhoneNumber(number)).toBe(true);
  });

  it.each([
    ['spaces', '+1 415 555 2671'],
    ['punctuation', '+1 (415) 555-2671'],
    ['dashes', '+1-415-555-2671'],
    ['no leading plus', '14155552671'],
    ['national format', '(415) 555-2671'],
    ['leading zero after plus', '+04155552671'],
    ['too short for its plan', '+1415555267'],
    ['too long', '+1415555267123456'],
    ['unassigned country code', '+999123456789'],
    ['trailing whitespace', '+14155552671 '],
    ['letters', '+1415CALLNOW'],
    ['empty', ''],
  ])('rejects %s (%j) with a message that shows the expected form', (_why, number) => {
    const result = E164PhoneNumber.safeParse(number);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [], message: expect.stringContaining('+14155552671') }),
    ]);
    expect(isE164PhoneNumber(number)).toBe(false);
  });

  it('reports the index of the bad number inside a customer', () => {
    const result = Customer.safeParse(exampleCustomer({ phoneNumbers: ['+14155552671', '+1 415 555 2671'] }));
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['phoneNumbers', 1]]);
  });
});

describe('numbers parsed lately', () => {
  it('answers the same for a number asked again, also once more numbers than it remembers came in between', () => {
    const written = (n: number) => `+1 (415) 555-${String(n % 10_000).padStart(4, '0')}`;
    const firstAnswers = [toE164(written(2671)), isE164PhoneNumber('+14155552671'), toE164('+1 555'), isE164PhoneNumber('+1415555267')];
    expect(firstAnswers).toEqual(['+14155552671', true, undefined, false]);
    for (let n = 0; n < 12_000; n += 1) toE164(`+44 20 7946 ${String(n).padStart(4, '0')}`);
    expect([toE164(written(2671)), isE164PhoneNumber('+14155552671'), toE164('+1 555'), isE164PhoneNumber('+1415555267')]).toEqual(firstAnswers);
    // Written differently, the same number: remembered per spelling, one E.164 form.
    expect(toE164('+1 415 555 2671')).toBe('+14155552671');
    expect(isE164PhoneNumber('+1 415 555 2671')).toBe(false);
  });
});
