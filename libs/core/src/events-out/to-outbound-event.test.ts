import type { IccEvent } from '@icc/protocol';
import { fixtureCreated, fixtureEvent, fixturePresence } from '../testing/event-store-fixtures';
import { outboundEventTypeOf, outboundOrderKey, toOutboundEvent } from './to-outbound-event';

const withSeq = (event: object, seq = 7) => ({ ...event, seq }) as IccEvent;

describe('toOutboundEvent (the one ICC → outbound mapping)', () => {
  it('maps the callback lifecycle and presence, and nothing else', () => {
    expect(outboundEventTypeOf(withSeq(fixtureCreated(1)))).toBe('callback.created');
    expect(outboundEventTypeOf(withSeq(fixtureEvent('interaction.offered', 1)))).toBe('callback.offered');
    expect(outboundEventTypeOf(withSeq(fixtureEvent('interaction.accepted', 1)))).toBeUndefined();
    expect(outboundEventTypeOf(withSeq(fixturePresence('agent-ada', 'available', '2026-03-10T09:00:00Z')))).toBe('agent.presence');
  });

  it('leaves out both sides of a transfer', () => {
    expect(outboundEventTypeOf(withSeq({ ...fixtureCreated(2), transferredFrom: 'ix-1' }))).toBeUndefined();
    expect(outboundEventTypeOf(withSeq({ ...fixtureEvent('interaction.closed', 1), outcome: 'transferred' }))).toBeUndefined();
  });

  it('carries the outcome, a stable id, and orders by callback or agent', () => {
    const closed = withSeq({ ...fixtureEvent('interaction.closed', 1), outcome: 'completed', by: 'agent' }, 42);
    expect(toOutboundEvent(closed, 'whs_a')).toMatchObject({ id: 'whs_a.42', type: 'callback.closed', seq: 42, outcome: 'completed' });
    expect(outboundOrderKey(closed)).toBe(`callback:${(closed as { callbackId: string }).callbackId}`);
    expect(outboundOrderKey(withSeq(fixturePresence('agent-ada', 'away', '2026-03-10T09:00:00Z')))).toBe('agent:agent-ada');
  });
});
