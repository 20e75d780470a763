import { INTERACTION_STATE_TRAITS, type IccEvent, type Interaction } from '@icc/protocol';

/** The timers an interaction view carries, by what they do when they fall due. */
export type DeadlineKind = 'offer' | 'auto-dial' | 'retry' | 'auto-close' | 'start' | 'expire';

export interface Deadline {
  interactionId: string;
  kind: DeadlineKind;
  at: number;
}

/** Deadlines pending in a view. (`expire` while queued is left out: routing may legitimately win the race.) */
export function pendingDeadlines(view: Interaction): Deadline[] {
  const deadlines: Deadline[] = [];
  const add = (kind: DeadlineKind, at: string | undefined) => {
    if (at !== undefined) deadlines.push({ interactionId: view.id, kind, at: Date.parse(at) });
  };
  if (view.state === 'offered' && !view.customerOnLine) add('offer', view.offerExpiresAt);
  if (view.state === 'previewing') add('auto-dial', view.autoDialAt);
  if (view.state === 'retry-wait') add('retry', view.nextRetryAt);
  if (view.state === 'wrap-up') add('auto-close', view.autoCloseAt);
  if (view.state === 'scheduled') add('start', view.scheduledAt);
  if (INTERACTION_STATE_TRAITS[view.state].expirable && view.state !== 'queued' && !view.customerOnLine) add('expire', view.expireAt);
  return deadlines;
}

/** Whether `event` is what the deadline produces when it fires. */
export function isFiredBy(kind: DeadlineKind, event: IccEvent): boolean {
  switch (kind) {
    case 'offer':
      return event.type === 'interaction.offer-declined' && event.cause === 'timeout';
    case 'auto-dial':
      return event.type === 'interaction.dialing' && event.trigger === 'auto-dial';
    case 'retry':
      return event.type === 'interaction.queued' && event.cause === 'retry';
    case 'auto-close':
      return event.type === 'interaction.closed' && event.by === 'system' && event.outcome === 'completed';
    case 'start':
      return event.type === 'interaction.queued' && event.cause === 'schedule-start';
    case 'expire':
      return event.type === 'interaction.closed' && event.outcome === 'expired';
  }
}
