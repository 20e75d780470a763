import { CALLBACK_REASON_LABELS, CallbackReason, CallbackReasonCode, callbackReasonLabel } from './callback-reason';

describe('CallbackReason', () => {
  it('accepts every reason code without a label except custom', () => {
    for (const code of CallbackReasonCode.options.filter((option) => option !== 'custom')) {
      expect([code, CallbackReason.safeParse({ code }).success]).toEqual([code, true]);
    }
  });

  it('requires a label for a custom reason, at path label', () => {
    const result = CallbackReason.safeParse({ code: 'custom' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['label'], message: 'A custom reason needs a label' }),
    ]);
  });

  it('rejects a blank custom label after trimming', () => {
    const result = CallbackReason.safeParse({ code: 'custom', label: '   ' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['label']]);
  });

  it('rejects an unknown code at path code', () => {
    const result = CallbackReason.safeParse({ code: 'shipping-delay' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['code']]);
  });

  it('labels reasons with the reference product wording, and lets a label override it', () => {
    expect(callbackReasonLabel({ code: 'relationship-building' })).toBe('Customer Relationship Building');
    expect(callbackReasonLabel({ code: 'billing-issue', label: 'Refund' })).toBe('Refund');
    expect(callbackReasonLabel(CallbackReason.parse({ code: 'custom', label: ' Warranty claim ' }))).toBe('Warranty claim');
    expect(Object.keys(CALLBACK_REASON_LABELS)).toEqual(CallbackReasonCode.options);
  });
});
