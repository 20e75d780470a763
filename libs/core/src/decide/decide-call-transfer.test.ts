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
    expect(() => callTransferTargetOf({})).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        message: 'Give either target or agentId',
        issues: [{ path: ['target'], message: 'Required', code: 'custom' }],
      }),
    );
  });

  it('refuses the agent themselves and the customer’s own numbers', () => {
    expect(() => assertCallTransferTargetAllowed(onCall, EXAMPLE_IDS.agentId, { kind: 'agent', agentId: EXAMPLE_IDS.agentId })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    const own = onCall.card.phoneNumbers[0] as string;
    expect(() => assertCallTransferTargetAllowed(onCall, EXAMPLE_IDS.agentId, { kind: 'external', phoneNumber: own })).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        message: 'Cannot transfer the customer to their own number',
        issues: [{ path: ['target', 'phoneNumber'], message: "That is the customer's own number", code: 'custom' }],
      }),
    );
    expect(() => assertCallTransferTargetAllowed(onCall, EXAMPLE_IDS.agentId, { kind: 'external', phoneNumber: EXAMPLE_PHONE_NUMBERS.gb })).not.toThrow();
  });

  it('refuses a number the customer was dialled on earlier, even when the card no longer lists it', () => {
    const dialled = '+14155550123';
    const after = exampleInteraction({
      state: 'connected',
      agentId: EXAMPLE_IDS.agentId,
      attempts: [
        { attempt: 1, phoneNumber: EXAMPLE_PHONE_NUMBERS.gb, startedAt: '2026-03-10T13:50:00Z', outcome: 'no-answer' },
        { attempt: 2, phoneNumber: dialled, startedAt: '2026-03-10T13:55:00Z', outcome: 'answered' },
      ],
    });
    expect(after.card.phoneNumbers).not.toContain(dialled);
    expect(() => assertCallTransferTargetAllowed(after, EXAMPLE_IDS.agentId, { kind: 'external', phoneNumber: dialled })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
    expect(() => assertCallTransferTargetAllowed(after, EXAMPLE_IDS.agentId, { kind: 'external', phoneNumber: '+14155550199' })).not.toThrow();
  });

  it('refuses queue and external kinds the vendor does not declare, with its reason', () => {
    const target = { kind: 'queue', queueId: 'q-x' } as const;
    expect(() => requireCallTransferKindSupported(FULL_CAPABILITIES, target)).not.toThrow();
    expect(() => requireCallTransferKindSupported({ reasons: { transferCallToQueue: 'Not on this path' } }, target)).toThrow(
      expect.objectContaining({ code: 'capability_unsupported', message: expect.stringContaining('Not on this path') }),
    );
    expect(() => requireCallTransferKindSupported({}, { kind: 'agent', agentId: 'a' })).not.toThrow();
  });

  it('refuses with the plain words when the vendor gives no reason', () => {
    expect(() => requireCallTransferKindSupported({}, { kind: 'queue', queueId: 'q-x' })).toThrow(
      expect.objectContaining({ code: 'capability_unsupported', message: 'This vendor cannot transfer a live call to a queue' }),
    );
    expect(() => requireCallTransferKindSupported({ transferCallToQueue: true }, { kind: 'external', phoneNumber: EXAMPLE_PHONE_NUMBERS.gb })).toThrow(
      expect.objectContaining({ message: 'This vendor cannot transfer a live call to an outside number' }),
    );
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
    expect(event).not.toHaveProperty('autoCloseAt');
    const counted = decideExternalCallTransfer(onCall, {
      fromAgentId: EXAMPLE_IDS.agentId,
      phoneNumber: EXAMPLE_PHONE_NUMBERS.gb,
      autoCloseAt: '2026-03-10T14:02:00Z',
      now: NOW,
    });
    expect(counted).toEqual({
      type: 'interaction.call-transferred-externally',
      interactionId: onCall.id,
      callbackId: onCall.callbackId,
      at: '2026-03-10T14:00:00.000Z',
      fromAgentId: EXAMPLE_IDS.agentId,
      phoneNumber: EXAMPLE_PHONE_NUMBERS.gb,
      autoCloseAt: '2026-03-10T14:02:00Z',
    });
  });
});
