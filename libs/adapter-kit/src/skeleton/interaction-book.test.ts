import { createFakeClock, EXPIRED_DETAIL, type DecidedEvent } from '@icc/core';
import {
  exampleAgent,
  exampleAgentPresenceChangedEvent,
  exampleCallback,
  exampleInteraction,
  exampleInteractionCreatedEvent,
  exampleInteractionEvent,
  type Interaction,
} from '@icc/protocol';
import { createInteractionBook } from './interaction-book';

const START = '2026-03-10T14:00:00Z';
const EXPIRE_AT = '2026-03-10T15:00:00Z';

function bookWith(options: { expires?: boolean } = {}) {
  const clock = createFakeClock(START);
  const expired: Interaction[] = [];
  const closes: Array<DecidedEvent<'interaction.closed'>> = [];
  const forgotten: string[] = [];
  const book = createInteractionBook({
    clock,
    ...(options.expires === false
      ? {}
      : {
          onExpired: (interaction: Interaction, closed: DecidedEvent<'interaction.closed'>) => {
            expired.push(interaction);
            closes.push(closed);
          },
        }),
    onForgotten: (interaction) => forgotten.push(interaction.id),
  });
  return { clock, book, expired, closes, forgotten };
}

const created = () => exampleInteractionCreatedEvent({ callback: exampleCallback({ expireAt: EXPIRE_AT }) });

describe('createInteractionBook', () => {
  it('folds emitted events into the open interactions and keeps each callback with its interaction', () => {
    const { book } = bookWith();
    book.fold([created(), exampleAgentPresenceChangedEvent({ agentId: 'agent-ada', presence: 'available' })]);
    const interaction = book.interaction('ix-1') ?? book.interactions()[0];
    expect(interaction).toMatchObject({ state: 'queued', expireAt: EXPIRE_AT });
    expect(book.callback(interaction?.callbackId ?? '')).toMatchObject({ interactionId: interaction?.id, callback: { expireAt: EXPIRE_AT } });
    expect(book.presence('agent-ada')).toBe('available');
  });

  it("arms the expiry at the expire time while it matters and calls onExpired with the interaction as it is then and core's close event", () => {
    const { book, clock, expired, closes } = bookWith();
    book.fold([created()]);
    const id = book.interactions()[0]?.id ?? '';
    expect(book.expiryArmedAt(id)).toBe(Date.parse(EXPIRE_AT));
    clock.advanceTo(Date.parse(EXPIRE_AT) - 1);
    expect(expired).toEqual([]);
    clock.advanceTo(Date.parse(EXPIRE_AT));
    expect(expired).toEqual([expect.objectContaining({ id, state: 'queued' })]);
    expect(closes).toEqual([
      expect.objectContaining({ type: 'interaction.closed', interactionId: id, outcome: 'expired', by: 'system', detail: EXPIRED_DETAIL, at: EXPIRE_AT.replace('Z', '.000Z') }),
    ]);
  });

  it('expiryNow decides the close again once the vendor stopped the work item: none when the interaction moved on', () => {
    const { book, clock } = bookWith({ expires: false });
    book.fold([created()]);
    const id = book.interactions()[0]?.id ?? '';
    const ids = { interactionId: id, callbackId: book.interactions()[0]?.callbackId ?? '' };
    expect(book.expiryNow(id)).toEqual([]);
    clock.advanceTo(Date.parse(EXPIRE_AT));
    expect(book.expiryNow(id)).toEqual([expect.objectContaining({ type: 'interaction.closed', interactionId: id, outcome: 'expired' })]);
    book.fold([exampleInteractionEvent('interaction.offered', { ...ids, agentId: 'agent-ada', expiresAt: '2026-03-10T15:01:00Z' })]);
    expect(book.expiryNow(id)).toEqual([]);
    expect(book.expiryNow('unknown')).toEqual([]);
  });

  it('disarms the expiry once someone is on the customer (offered and beyond), and re-arms it when the callback waits again', () => {
    const { book, clock, expired } = bookWith();
    book.fold([created()]);
    const id = book.interactions()[0]?.id ?? '';
    const ids = { interactionId: id, callbackId: book.interactions()[0]?.callbackId ?? '' };
    book.fold([exampleInteractionEvent('interaction.offered', { ...ids, agentId: 'agent-ada', expiresAt: '2026-03-10T14:01:00Z' })]);
    expect(book.expiryArmedAt(id)).toBeUndefined();
    book.fold([exampleInteractionEvent('interaction.offer-declined', { ...ids, agentId: 'agent-ada', cause: 'rejected' })]);
    expect(book.interaction(id)?.state).toBe('queued');
    expect(book.expiryArmedAt(id)).toBe(Date.parse(EXPIRE_AT));
    clock.advanceTo(Date.parse(EXPIRE_AT));
    expect(expired).toHaveLength(1);
  });

  it('forgets a closed interaction with its callback and cancels its expiry', () => {
    const { book, clock, expired, forgotten } = bookWith();
    book.fold([created()]);
    const open = book.interactions()[0] as Interaction;
    book.fold([exampleInteractionEvent('interaction.closed', { interactionId: open.id, callbackId: open.callbackId, outcome: 'cancelled', by: 'api' })]);
    expect(book.interaction(open.id)).toBeUndefined();
    expect(book.callback(open.callbackId)).toBeUndefined();
    expect(forgotten).toEqual([open.id]);
    expect(clock.pendingTimers()).toBe(0);
    clock.advanceTo(Date.parse(EXPIRE_AT));
    expect(expired).toEqual([]);
  });

  it('restores the open interactions, their callbacks and presence, and re-arms their expiry', () => {
    const { book, clock, expired } = bookWith();
    const interaction = exampleInteraction({ id: 'ix-restored', callbackId: 'cb-restored', state: 'scheduled', expireAt: EXPIRE_AT });
    const callback = exampleCallback({ id: 'cb-restored', interactionId: 'ix-restored', expireAt: EXPIRE_AT });
    book.restore({
      openInteractions: [interaction, exampleInteraction({ id: 'ix-talking', callbackId: 'cb-2', state: 'connected', customerOnLine: true, expireAt: EXPIRE_AT })],
      getCallback: (callbackId) => (callbackId === callback.id ? callback : undefined),
      agents: [exampleAgent({ id: 'agent-ada', presence: 'busy' })],
    });
    expect(book.interactions().map((open) => open.id)).toEqual(['ix-restored', 'ix-talking']);
    expect(book.callback('cb-restored')).toEqual({ callback, interactionId: 'ix-restored' });
    expect(book.presence('agent-ada')).toBe('busy');
    expect(book.expiryArmedAt('ix-talking')).toBeUndefined();
    clock.advanceTo(Date.parse(EXPIRE_AT));
    expect(expired.map((open) => open.id)).toEqual(['ix-restored']);
  });

  it('arms nothing for an adapter whose vendor expires callbacks by itself', () => {
    const { book, clock } = bookWith({ expires: false });
    book.fold([created()]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('refuses a transition the state machine forbids, as the event store would', () => {
    const { book } = bookWith();
    expect(() => book.fold([exampleInteractionEvent('interaction.customer-answered')])).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
  });

  it('clear() cancels every expiry timer', () => {
    const { book, clock } = bookWith();
    book.fold([created()]);
    book.clear();
    expect(clock.pendingTimers()).toBe(0);
  });
});
