import type { NewIccEvent } from '@icc/protocol';
import { AGENTS, HOUR, MINUTE, NUMBERS, QUEUES, SECOND, interactionId, iso, offers, onlyEvent, type EngineHarness } from './engine-fixtures';

/**
 * Every way a callback ends, each played to the end with Ada and Grace available and nothing
 * else open. Each returns the events it caused, so tests can find what closed.
 */
export type CallbackEnding = (h: EngineHarness, n: number) => NewIccEvent[];

const WRAP_UP = { reason: 'resolved', notes: '' } as const;

function offeredTo(events: readonly NewIccEvent[], ix: string): string {
  const offer = offers(events).find(([offered]) => offered === ix);
  if (!offer) throw new Error(`${ix} was not offered`);
  return offer[1];
}

const otherAgent = (agentId: string) => (agentId === AGENTS.ada ? AGENTS.grace : AGENTS.ada);

/** Dial, answer, end the call and submit the wrap-up, from `previewing`. */
function talkAndWrapUp(h: EngineHarness, agentId: string, ix: string): NewIccEvent[] {
  return [
    ...h.execute(agentId, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first }),
    ...h.telephony(ix, 'answered'),
    ...h.execute(agentId, { type: 'end-call', interactionId: ix }),
    ...h.execute(agentId, { type: 'submit-wrap-up', interactionId: ix, wrapUp: WRAP_UP }),
  ];
}

/** Requests callback `n` and has the agent it is offered to accept it. */
function acceptNew(h: EngineHarness, n: number) {
  const ix = interactionId(n);
  const requested = h.request(n);
  const agentId = offeredTo(requested, ix);
  return { ix, agentId, events: [...requested, ...h.execute(agentId, { type: 'accept', interactionId: ix })] };
}

/** Ada accepts, transfers to Grace by name; returns the receiving interaction's id too. */
function acceptAndTransferToTheOther(h: EngineHarness, n: number) {
  const accepted = acceptNew(h, n);
  const target = { kind: 'agent' as const, agentId: otherAgent(accepted.agentId) };
  const transferred = h.execute(accepted.agentId, { type: 'transfer-callback', interactionId: accepted.ix, target });
  const receiver = onlyEvent(transferred, 'interaction.transfer-requested').toInteractionId;
  return { ...accepted, receiver, receiverAgentId: target.agentId, events: [...accepted.events, ...transferred] };
}

/** Both agents reject callback `n`: it waits out a cool-down before either sees it again. */
export function declinedByBoth(h: EngineHarness, n: number): NewIccEvent[] {
  const ix = interactionId(n);
  const requested = h.request(n);
  const rejected = h.execute(offeredTo(requested, ix), { type: 'reject', interactionId: ix });
  return [...requested, ...rejected, ...h.execute(offeredTo(rejected, ix), { type: 'reject', interactionId: ix })];
}

export const CALLBACK_ENDINGS: Record<string, CallbackEnding> = {
  'agent-first, manual dial, completed by the wrap-up': (h, n) => {
    const { ix, agentId, events } = acceptNew(h, n);
    return [...events, ...talkAndWrapUp(h, agentId, ix)];
  },
  'agent-first, auto dial, closed by the auto-close countdown': (h, n) => {
    const ix = interactionId(n);
    const requested = h.request(n, { queueId: QUEUES.auto });
    const agentId = offeredTo(requested, ix);
    return [
      ...requested,
      ...h.execute(agentId, { type: 'accept', interactionId: ix }),
      ...h.advanceBy(15 * SECOND),
      ...h.telephony(ix, 'answered'),
      ...h.execute(agentId, { type: 'end-call', interactionId: ix }),
      ...h.advanceBy(MINUTE),
    ];
  },
  'agent-first, no answer, closed by the agent': (h, n) => {
    const { ix, agentId, events } = acceptNew(h, n);
    return [
      ...events,
      ...h.execute(agentId, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first }),
      ...h.telephony(ix, 'no-answer'),
      ...h.execute(agentId, { type: 'close-callback', interactionId: ix }),
    ];
  },
  'customer-first, answered, completed by the wrap-up': (h, n) => {
    const ix = interactionId(n);
    const requested = h.request(n, { queueId: QUEUES.customerFirst });
    const answered = h.telephony(ix, 'answered');
    const agentId = offeredTo(answered, ix);
    return [
      ...requested,
      ...answered,
      ...h.execute(agentId, { type: 'accept', interactionId: ix }),
      ...h.execute(agentId, { type: 'end-call', interactionId: ix }),
      ...h.execute(agentId, { type: 'submit-wrap-up', interactionId: ix, wrapUp: WRAP_UP }),
    ];
  },
  'customer-first, failed after its only attempt': (h, n) => {
    const ix = interactionId(n);
    const requested = h.request(n, { queueId: QUEUES.customerFirst, retryPolicy: { maxAttempts: 1, minIntervalSeconds: 60 } });
    return [...requested, ...h.telephony(ix, 'no-answer')];
  },
  'cancelled by the API after both agents declined (a re-offer cool-down armed)': (h, n) => [...declinedByBoth(h, n), ...h.cancel(n)],
  'expired while scheduled': (h, n) => {
    const start = h.now() + 2 * HOUR;
    const requested = h.request(n, { schedule: { type: 'scheduled', start: iso(start) }, expireAt: iso(h.now() + HOUR) });
    return [...requested, ...h.advanceBy(HOUR)];
  },
  'transferred to an agent who accepts and completes it': (h, n) => {
    const { receiver, receiverAgentId, events } = acceptAndTransferToTheOther(h, n);
    return [...events, ...h.execute(receiverAgentId, { type: 'accept', interactionId: receiver }), ...talkAndWrapUp(h, receiverAgentId, receiver)];
  },
  'transfer rejected by the receiver, then closed by the sender': (h, n) => {
    const { ix, agentId, receiver, receiverAgentId, events } = acceptAndTransferToTheOther(h, n);
    return [
      ...events,
      ...h.execute(receiverAgentId, { type: 'reject', interactionId: receiver }),
      ...h.execute(agentId, { type: 'close-callback', interactionId: ix }),
    ];
  },
  'cancelled by the API while transferring: receiver and sender close in one call': (h, n) => {
    const { events } = acceptAndTransferToTheOther(h, n);
    return [...events, ...h.cancel(n)];
  },
};
