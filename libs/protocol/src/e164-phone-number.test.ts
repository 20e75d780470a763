import { E164PhoneNumber, isE164PhoneNumber } from './e164-phone-number';
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
