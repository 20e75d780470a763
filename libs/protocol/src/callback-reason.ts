import { z } from 'zod';

/** Reasons the reference product offers: service reasons first, then sales reasons, then `custom`. */
export const CallbackReasonCode = z
  .enum([
    'product-issue',
    'order-issue',
    'billing-issue',
    'other-issue',
    'customer-survey',
    'sales-discovery',
    'product-feedback',
    'relationship-building',
    'custom',
  ])
  .meta({ id: 'CallbackReasonCode' });
export type CallbackReasonCode = z.infer<typeof CallbackReasonCode>;

export const CALLBACK_REASON_LABELS: Record<CallbackReasonCode, string> = {
  'product-issue': 'Product Issue',
  'order-issue': 'Order Issue',
  'billing-issue': 'Billing Issue',
  'other-issue': 'Other issue',
  'customer-survey': 'Customer Survey',
  'sales-discovery': 'Sales Discovery',
  'product-feedback': 'Product Feedback',
  'relationship-building': 'Customer Relationship Building',
  custom: 'Custom',
};

/** `label` is required for `custom` and overrides the default label otherwise. */
export const CallbackReason = z
  .object({ code: CallbackReasonCode, label: z.string().trim().min(1).max(80).optional() })
  .refine((reason) => reason.code !== 'custom' || reason.label !== undefined, {
    message: 'A custom reason needs a label',
    path: ['label'],
  })
  .meta({ id: 'CallbackReason' });
export type CallbackReason = z.infer<typeof CallbackReason>;

export function callbackReasonLabel(reason: CallbackReason): string {
  return reason.label ?? CALLBACK_REASON_LABELS[reason.code];
}
