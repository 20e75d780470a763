import { EXAMPLE_IDS, EXAMPLE_PHONE_NUMBERS, FULL_CAPABILITIES, exampleInteraction, exampleQueueConfig } from '@icc/protocol';
import { reduceInteraction } from '../state-machine/reduce-interaction';
import {
  assertCallTransferTargetAllowed,
  callTransferTargetOf,
  decideCallRequeue,
  decideExternalCallTransfer,
  requireCallTransferKindSupported,
  wrapUpOutcome,
} from './decide-call-transfer';

const NOW = Date.parse('2026-03-10T14:00:00Z');
const onCall = exampleInteraction({ state: 'connected', agentId: EXAMPLE_IDS.agentId, customerOnLine: true, seq: 5 });
const stored = <T extends object>(event: T) => ({ ...event, seq: 6 });

describe('live-call transfer decisions', () => {
  it('reads the target, or the older agentId form as an agent target', () => {
    expect(callTransferTargetOf({ agentId: 'agent-b' })).toEqual({ kind: 'agent', agentId: 'agent-b' });
    expect(callTransferTargetOf({ target: { kind: 'queue', queueId: 'q-x' } })).toEqual({ kind: 'queue', queueId: 'q-x' });
    expect(() => callTransferTargetOf({})).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('refuses the agent themselves and the customer’s own numbers', () => {
    expect(() => assertCallTransferTargetAllowed(onCall, EXAMPLE_IDS.agentId, { kind: 'agent', agentId: EXAMPLE_IDS.agentId })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    const own = onCall.card.phoneNumbers[0] as string;
    expect(() => assertCallTransferTargetAllowed(onCall, EXAMPLE_IDS.agentId, { kind: 'external', phoneNumber: own })).toThrow(
      expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: ['target', 'phoneNumber'] })] }),
    );
    expect(() => assertCallTransferTargetAllowed(onCall, EXAMPLE_IDS.agentId, { kind: 'external', phoneNumber: EXAMPLE_PHONE_NUMBERS.gb })).not.toThrow();
  });

  it('refuses queue and external kinds the vendor does not declare, with its reason', () => {
    const target = { kind: 'queue', queueId: 'q-x' } as const;
    expect(() => requireCallTransferKindSupported(FULL_CAPABILITIES, target)).not.toThrow();
    expect(() => requireCallTransferKindSupported({ reasons: { transferCallToQueue: 'Not on this path' } }, target)).toThrow(
      expect.objectContaining({ code: 'capability_unsupported', message: expect.stringContaining('Not on this path') }),
    );
    expect(() => requireCallTransferKindSupported({}, { kind: 'agent', agentId: 'a' })).not.toThrow();
  });

  it('requeues into an existing queue under its current version; the customer waits on the line, routed customer-first', () => {
    const queue = exampleQueueConfig({ id: 'q-sales', name: 'Sales', version: 4, closingReasons: ['sold'] });
    expect(() => decideCallRequeue(onCall, { fromAgentId: EXAMPLE_IDS.agentId, queueId: 'q-gone', queue: undefined, now: NOW })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    const event = decideCallRequeue(onCall, { fromAgentId: EXAMPLE_IDS.agentId, queueId: 'q-sales', queue, now: NOW });
    expect(event).toMatchObject({ type: 'interaction.call-requeued', queueId: 'q-sales', queueName: 'Sales', queueConfigVersion: 4, closingReasons: ['sold'] });
    const next = reduceInteraction(onCall, stored(event));
    expect(next).toMatchObject({ state: 'queued', mode: 'customer-first', customerOnLine: true, queueId: 'q-sales', queueConfigVersion: 4, declinedBy: [EXAMPLE_IDS.agentId] });
    expect(next.card).toMatchObject({ queueId: 'q-sales', queueName: 'Sales' });
    expect(next.agentId).toBeUndefined();
  });

  it('sends the call out of ICC: wrap-up, and the wrap-up closes as transferred', () => {
    const event = decideExternalCallTransfer(onCall, { fromAgentId: EXAMPLE_IDS.agentId, phoneNumber: EXAMPLE_PHONE_NUMBERS.gb, now: NOW });
    const next = reduceInteraction(onCall, stored(event));
    expect(next).toMatchObject({ state: 'wrap-up', customerOnLine: false, transferredToNumber: EXAMPLE_PHONE_NUMBERS.gb });
    expect(wrapUpOutcome(next)).toBe('transferred');
    expect(wrapUpOutcome(onCall)).toBe('completed');
  });
});
