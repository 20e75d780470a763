import type { Callback, CreateCallbackRequestInput } from '@icc/protocol';

/**
 * "Call me back Tuesday": a new callback for the same customer, scheduled at `start` and kept for
 * the agent who promised it. The customer, reason and references carry over; it is the agent's
 * promise (source `agent`), not a retry of the finished callback.
 */
export function followUpCallbackRequest(previous: Callback, start: string, agentId: string): CreateCallbackRequestInput {
  return {
    queueId: previous.queueId,
    customer: previous.customer,
    reason: previous.reason,
    shortDescription: `Follow-up of ${previous.number}: ${previous.shortDescription}`.slice(0, 160),
    ...(previous.caseRef !== undefined ? { caseRef: previous.caseRef } : {}),
    ...(previous.accountRef !== undefined ? { accountRef: previous.accountRef } : {}),
    mode: previous.mode,
    schedule: { type: 'scheduled', start },
    source: 'agent',
    assignedAgentId: agentId,
  };
}
