import type { Callback, CallbackState, InteractionEvent, InteractionOutcome, NewInteractionEvent } from '@icc/protocol';

const CALLBACK_STATE_BY_OUTCOME: Record<InteractionOutcome, CallbackState | undefined> = {
  completed: 'completed',
  'no-answer': 'failed',
  failed: 'failed',
  cancelled: 'cancelled',
  expired: 'expired',
  // The receiving interaction carries the callback on.
  transferred: undefined,
};

/** Folds an interaction event into the callback it belongs to (the callback read model). */
export function reduceCallback(
  current: Callback | undefined,
  event: InteractionEvent | NewInteractionEvent,
): Callback | undefined {
  if (event.type === 'interaction.created') {
    if (!current || event.transferredFrom === undefined) return withVendorOf(event, { ...event.callback, interactionId: event.interactionId });
    // A transfer hands the callback to its target: whoever kept it no longer does.
    const { assignedAgentId: _handedOver, ...transferred } = current;
    return withVendorOf(event, { ...transferred, interactionId: event.interactionId, queueId: event.callback.queueId, state: 'pending' });
  }
  if (!current) return undefined;
  switch (event.type) {
    case 'callback.updated':
      return { ...current, ...event.changes };
    case 'interaction.offered':
    case 'interaction.accepted':
      return { ...current, state: 'in-progress' };
    case 'interaction.dialing':
      return { ...withoutRetry(current), state: 'in-progress', attempts: current.attempts + 1 };
    case 'interaction.transfer-cancelled':
      return { ...current, interactionId: event.interactionId, queueId: event.queueId, state: 'in-progress' };
    case 'interaction.call-requeued':
      return { ...current, queueId: event.queueId };
    case 'interaction.retry-scheduled':
      return { ...current, nextRetryAt: event.nextRetryAt };
    case 'interaction.rescheduled': {
      const schedule =
        event.windowEnd === undefined
          ? { type: 'scheduled' as const, start: event.scheduledAt }
          : { type: 'scheduled' as const, start: event.scheduledAt, windowEnd: event.windowEnd };
      return {
        ...withoutRetry(event.assignedAgentId === null ? withoutKeeper(current) : current),
        schedule,
        state: 'pending',
        ...(event.queueId !== undefined ? { queueId: event.queueId } : {}),
        ...(event.phoneNumbers !== undefined ? { customer: { ...current.customer, phoneNumbers: event.phoneNumbers } } : {}),
        ...(typeof event.assignedAgentId === 'string' ? { assignedAgentId: event.assignedAgentId } : {}),
      };
    }
    case 'interaction.closed': {
      const state = CALLBACK_STATE_BY_OUTCOME[event.outcome];
      if (state === undefined || event.interactionId !== current.interactionId) return current;
      return { ...withoutRetry(current), state, closedAt: event.at };
    }
    default:
      return current;
  }
}

/** The callback names the vendor (and its id) of the interaction now carrying it. */
function withVendorOf(event: { vendor: string; vendorRef?: string | undefined }, callback: Callback): Callback {
  const { vendorRef: _previous, ...rest } = callback;
  return { ...rest, vendor: event.vendor, ...(event.vendorRef === undefined ? {} : { vendorRef: event.vendorRef }) };
}

/** Released to the queue: the callback is nobody's to keep any more. */
function withoutKeeper(callback: Callback): Callback {
  const { assignedAgentId: _released, ...rest } = callback;
  return rest;
}

function withoutRetry(callback: Callback): Callback {
  const { nextRetryAt: _dropped, ...rest } = callback;
  return rest;
}
