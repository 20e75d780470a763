import { EXAMPLE_PHONE_NUMBERS, exampleInteraction } from '@icc/protocol';
import { refusalOf } from './refusal-of.test-support';
import { requireCustomerNumber } from './require-customer-number';

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
