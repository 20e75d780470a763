import { EXAMPLE_INTERACTION_EVENT_TYPES, exampleAgentPresenceChangedEvent, exampleInteractionEvent } from '../example-events';
import { AgentEvent, IccEvent, InteractionEvent, NewIccEvent, isInteractionEvent } from './icc-event';

function issuePaths(result: { error?: { issues: Array<{ path: PropertyKey[] }> } }): PropertyKey[][] {
  return result.error?.issues.map((issue) => issue.path) ?? [];
}

describe('IccEvent', () => {
  it.each(EXAMPLE_INTERACTION_EVENT_TYPES)('accepts a valid %s event, as an ICC and as an interaction event', (type) => {
    const event = exampleInteractionEvent(type);
    expect(IccEvent.safeParse(event).success).toBe(true);
    expect(InteractionEvent.safeParse(event).success).toBe(true);
    expect(AgentEvent.safeParse(event).success).toBe(false);
  });

  it('accepts an agent presence event, which is not an interaction event', () => {
    const event = exampleAgentPresenceChangedEvent();
    expect(IccEvent.safeParse(event).success).toBe(true);
    expect(InteractionEvent.safeParse(event).success).toBe(false);
    expect(isInteractionEvent(event)).toBe(false);
    expect(isInteractionEvent(exampleInteractionEvent('interaction.held'))).toBe(true);
  });

  it('rejects an unknown event type at path type', () => {
    const result = IccEvent.safeParse({ ...exampleInteractionEvent('interaction.held'), type: 'interaction.teleported' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['type'], code: 'invalid_union' })]);
  });

  it.each(['seq', 'at', 'interactionId', 'callbackId'] as const)('requires the envelope field %s', (field) => {
    const event: Record<string, unknown> = { ...exampleInteractionEvent('interaction.customer-answered') };
    delete event[field];
    expect(issuePaths(IccEvent.safeParse(event))).toEqual([[field]]);
  });

  it.each([
    ['seq 0 (the store starts at 1)', exampleInteractionEvent('interaction.held', { seq: 0 }), ['seq']],
    ['a fractional seq', exampleInteractionEvent('interaction.held', { seq: 1.5 }), ['seq']],
    ['an instant without offset', exampleInteractionEvent('interaction.held', { at: '2026-03-10T14:05:00' }), ['at']],
    ['a dial to a formatted number', exampleInteractionEvent('interaction.dialing', { phoneNumber: '+44 20 7183 8750' }), ['phoneNumber']],
    ['attempt 0', exampleInteractionEvent('interaction.dialing', { attempt: 0 }), ['attempt']],
    ['an unknown dial failure', { ...exampleInteractionEvent('interaction.dial-failed'), failure: 'fax-tone' }, ['failure']],
    ['an unknown outcome', { ...exampleInteractionEvent('interaction.closed'), outcome: 'abandoned' }, ['outcome']],
    ['an unknown initial state', { ...exampleInteractionEvent('interaction.created'), initialState: 'connected' }, ['initialState']],
    [
      'a created event whose callback has a bad number',
      exampleInteractionEvent('interaction.created', {
        callback: { ...exampleInteractionEvent('interaction.created').callback, customer: { ...exampleInteractionEvent('interaction.created').callback.customer, phoneNumbers: ['555-2671'] } },
      }),
      ['callback', 'customer', 'phoneNumbers', 0],
    ],
    ['an empty callback update', exampleInteractionEvent('callback.updated', { changes: {} }), ['changes']],
    ['an offer without expiry', { ...exampleInteractionEvent('interaction.offered'), expiresAt: undefined }, ['expiresAt']],
    ['an unknown presence', { ...exampleAgentPresenceChangedEvent(), presence: 'lunch' }, ['presence']],
  ])('rejects %s', (_why, event, path) => {
    expect(issuePaths(IccEvent.safeParse(event))).toEqual([path]);
  });

  it('defaults overdue to false on interaction.queued', () => {
    const { overdue: _overdue, ...queued } = exampleInteractionEvent('interaction.queued');
    expect(IccEvent.parse(queued)).toMatchObject({ type: 'interaction.queued', overdue: false });
  });
});

describe('NewIccEvent', () => {
  it('accepts events before the store has given them a seq', () => {
    for (const type of EXAMPLE_INTERACTION_EVENT_TYPES) {
      const { seq: _seq, ...event } = exampleInteractionEvent(type);
      expect([type, NewIccEvent.safeParse(event).success]).toEqual([type, true]);
    }
    const { seq: _seq, ...presence } = exampleAgentPresenceChangedEvent();
    expect(NewIccEvent.safeParse(presence).success).toBe(true);
  });

  it('still checks the payload', () => {
    const { seq: _seq, ...event } = exampleInteractionEvent('interaction.dialing', { phoneNumber: '+1 415 555 2671' });
    expect(issuePaths(NewIccEvent.safeParse(event))).toEqual([['phoneNumber']]);
  });
});
