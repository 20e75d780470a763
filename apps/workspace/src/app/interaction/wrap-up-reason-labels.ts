import type { WrapUpReason } from '@icc/protocol';

/** In the order the Reason drop-down offers them. */
export const WRAP_UP_REASON_LABELS: Record<WrapUpReason, string> = {
  resolved: 'Resolved',
  'follow-up-required': 'Follow-up required',
  escalated: 'Escalated',
  'not-interested': 'Not interested',
  'wrong-number': 'Wrong number',
  other: 'Other',
};

export const WRAP_UP_REASONS = Object.keys(WRAP_UP_REASON_LABELS) as WrapUpReason[];
