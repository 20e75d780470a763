import type { CallbackState } from '@icc/protocol';
import type { StateTone } from '../ui/interaction-state-labels';

export const CALLBACK_STATE_LABELS: Record<CallbackState, string> = {
  pending: 'Pending',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  failed: 'Failed',
};

export const CALLBACK_STATE_TONES: Record<CallbackState, StateTone> = {
  pending: 'neutral',
  'in-progress': 'progress',
  completed: 'success',
  cancelled: 'neutral',
  expired: 'attention',
  failed: 'danger',
};
