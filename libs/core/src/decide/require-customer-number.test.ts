import { EXAMPLE_PHONE_NUMBERS, exampleInteraction } from '@icc/protocol';
import { refusalOf } from './refusal-of.test-support';
import { numberToCall, requireCustomerNumber } from './require-customer-number';

describe('requireCustomerNumber', () => {
  it('accepts each of the numbers the customer gave', () => {
    expect(() => requireCustomerNumber(exampleInteraction(), '+14155552671')).not.toThrow();
    expect(() => requireCustomerNumber(exampleInteraction(), '+14155550198')).not.toThrow();
  });

  it('refuses any other number at path phoneNumber', () => {
    const error = refusalOf(() => requireCustomerNumber(exampleInteraction(), EXAMPLE_PHONE_NUMBERS.gb));
    expect(error.toBody()).toEqual({
      code: 'validation_failed',
      message: "+442071838750 is not one of the customer's callback numbers",
      issues: [{ path: ['phoneNumber'], message: "Pick one of the customer's callback numbers", code: 'custom' }],
    });
  });
});

describe('numberToCall', () => {
  const attempted = exampleInteraction({ attempts: [{ attempt: 1, phoneNumber: '+14155550198', startedAt: '2026-03-10T14:00:00.000Z', outcome: 'no-answer' }] });

  it("calls the chosen number, else the last attempt's, else the customer's first", () => {
    expect(numberToCall(attempted, '+14155552671')).toBe('+14155552671');
    expect(numberToCall(attempted)).toBe('+14155550198');
    expect(numberToCall(exampleInteraction())).toBe('+14155552671');
  });

  it("refuses a chosen number that is not the customer's", () => {
    expect(refusalOf(() => numberToCall(attempted, EXAMPLE_PHONE_NUMBERS.gb)).code).toBe('validation_failed');
  });
});
