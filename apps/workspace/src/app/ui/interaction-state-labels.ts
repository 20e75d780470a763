import type { InteractionOutcome, InteractionState } from '@icc/protocol';

/** Colour family of a state; the badge always shows the text label as well. */
export type StateTone = 'neutral' | 'info' | 'attention' | 'success' | 'danger' | 'progress';

export const INTERACTION_STATE_LABELS: Record<InteractionState, string> = {
  scheduled: 'Scheduled',
  queued: 'Queued',
  offered: 'Offered',
  previewing: 'Previewing',
  transferring: 'Transferring',
  dialing: 'Dialing',
  connected: 'Connected',
  'on-hold': 'On hold',
  'no-answer': 'No answer',
  'retry-wait': 'Waiting to retry',
  'wrap-up': 'Wrap-up',
  closed: 'Closed',
};

export const INTERACTION_STATE_TONES: Record<InteractionState, StateTone> = {
  scheduled: 'neutral',
  queued: 'neutral',
  offered: 'attention',
  previewing: 'info',
  transferring: 'progress',
  dialing: 'progress',
  connected: 'success',
  'on-hold': 'attention',
  'no-answer': 'danger',
  'retry-wait': 'neutral',
  'wrap-up': 'info',
  closed: 'neutral',
};

export const INTERACTION_OUTCOME_LABELS: Record<InteractionOutcome, string> = {
  completed: 'Completed',
  'no-answer': 'No answer',
  cancelled: 'Cancelled',
  failed: 'Failed',
  expired: 'Expired',
  transferred: 'Transferred',
};
