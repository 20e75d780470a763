import { isInteractionEvent, type Callback, type IccEvent, type Interaction, type NewIccEvent } from '@icc/protocol';
import { reduceCallback } from '../state-machine/reduce-callback';
import { reduceInteraction } from '../state-machine/reduce-interaction';
import { fixtureCreated, fixtureEvent } from './event-store-fixtures';
import { appendEach, useEventStore, type CreateEventStore } from './use-event-store';

const at = (minute: number, second = 0) =>
  new Date(Date.parse('2026-03-10T14:00:00Z') + minute * 60_000 + second * 1000).toISOString();

/** Agent-first, customer-first, scheduled and transferred stories: every interaction event type. */
function everyKindOfEvent(): NewIccEvent[] {
  return [
    fixtureCreated(1, { requestedAt: at(0) }),
    fixtureEvent('callback.updated', 1, { at: at(1), changes: { notes: 'Prefers afternoons' } }),
    fixtureEvent('interaction.offered', 1, { at: at(2), agentId: 'agent-grace', expiresAt: at(2, 30) }),
    fixtureEvent('interaction.offer-declined', 1, { at: at(2, 10), agentId: 'agent-grace', cause: 'rejected' }),
    fixtureEvent('interaction.offered', 1, { at: at(3), agentId: 'agent-ada', expiresAt: at(3, 30) }),
    fixtureEvent('interaction.accepted', 1, { at: at(3, 5), agentId: 'agent-ada' }),
    fixtureEvent('interaction.transfer-requested', 1, { at: at(3, 20), toInteractionId: 'ix-9' }),
    fixtureEvent('interaction.transfer-cancelled', 1, { at: at(3, 30) }),
    fixtureEvent('interaction.dialing', 1, { at: at(4), attempt: 1, agentId: 'agent-ada' }),
    fixtureEvent('interaction.dial-failed', 1, { at: at(4, 30), failure: 'busy' }),
    fixtureEvent('interaction.dialing', 1, { at: at(5), attempt: 2, agentId: 'agent-ada' }),
    fixtureEvent('interaction.customer-answered', 1, { at: at(5, 10) }),
    fixtureEvent('interaction.held', 1, { at: at(6) }),
    fixtureEvent('interaction.resumed', 1, { at: at(6, 30) }),
    fixtureEvent('interaction.muted', 1, { at: at(7), muted: true }),
    fixtureEvent('interaction.recording', 1, { at: at(7, 5), recording: true }),
    fixtureEvent('interaction.dtmf-sent', 1, { at: at(7, 10), digits: '42#' }),
    fixtureEvent('interaction.escalated', 1, { at: at(7, 15), escalated: true }),
    fixtureEvent('interaction.consult-started', 1, { at: at(8), agentId: 'agent-grace' }),
    fixtureEvent('interaction.consult-ended', 1, { at: at(8, 30), result: 'merged' }),
    fixtureEvent('interaction.call-transferred', 1, { at: at(9), fromAgentId: 'agent-ada', toAgentId: 'agent-grace', method: 'consult' }),
    fixtureEvent('interaction.call-ended', 1, { at: at(10), by: 'customer' }),
    fixtureEvent('interaction.closed', 1, { at: at(11), outcome: 'completed', by: 'agent' }),

    fixtureCreated(2, { mode: 'customer-first', queueId: 'q-sales', queueName: 'Sales', requestedAt: at(12) }),
    fixtureEvent('interaction.dialing', 2, { at: at(12, 5), attempt: 1, agentId: 'agent-ada', trigger: 'system' }),
    fixtureEvent('interaction.dial-failed', 2, { at: at(12, 40), failure: 'no-answer' }),
    fixtureEvent('interaction.retry-scheduled', 2, { at: at(12, 41), nextRetryAt: at(22) }),
    fixtureEvent('interaction.queued', 2, { at: at(22), cause: 'retry' }),
    fixtureEvent('interaction.dialing', 2, { at: at(22, 5), attempt: 2, agentId: 'agent-ada', trigger: 'system' }),
    fixtureEvent('interaction.customer-answered', 2, { at: at(22, 20) }),
    fixtureEvent('interaction.offered', 2, { at: at(22, 21), agentId: 'agent-ada', expiresAt: at(22, 41) }),
    fixtureEvent('interaction.accepted', 2, { at: at(22, 25), agentId: 'agent-ada' }),
    fixtureEvent('interaction.call-ended', 2, { at: at(25), by: 'agent' }),
    fixtureEvent('interaction.closed', 2, { at: at(26), outcome: 'completed', by: 'agent' }),

    fixtureCreated(3, { schedule: { type: 'scheduled', start: at(90) }, requestedAt: at(30) }),
    fixtureEvent('interaction.rescheduled', 3, { at: at(31), scheduledAt: at(120), windowEnd: at(150), by: 'customer' }),
    fixtureEvent('interaction.queued', 3, { at: at(120), cause: 'schedule-start' }),
    fixtureEvent('interaction.closed', 3, { at: at(121), outcome: 'cancelled', by: 'api' }),

    fixtureCreated(4, { requestedAt: at(40) }),
    fixtureEvent('interaction.offered', 4, { at: at(41), agentId: 'agent-ada', expiresAt: at(41, 30) }),
    fixtureEvent('interaction.accepted', 4, { at: at(41, 10), agentId: 'agent-ada' }),
    fixtureEvent('interaction.transfer-requested', 4, { at: at(42), target: { kind: 'queue', queueId: 'q-sales' }, toInteractionId: 'ix-5' }),
  ];
}

/** The receiving side of callback 4's transfer, then the sending side closes. */
function transferOfCallbackFour(callback: Callback): NewIccEvent[] {
  return [
    fixtureEvent('interaction.created', 4, {
      at: at(43),
      interactionId: 'ix-5',
      callback: { ...callback, queueId: 'q-sales', interactionId: 'ix-5' },
      queueName: 'Sales',
      initialState: 'queued',
      transferredFrom: 'ix-4',
    }),
    fixtureEvent('interaction.closed', 4, { at: at(43), outcome: 'transferred', by: 'system' }),
  ];
}

export function describeEventStoreProjectionContract(createStore: CreateEventStore): void {
  describe('projections', () => {
    const store = useEventStore(createStore);

    it('keeps interactions and callbacks equal to the core folds after every kind of event', async () => {
      const interactions = new Map<string, Interaction>();
      const callbacks = new Map<string, Callback>();
      const check = async (event: IccEvent) => {
        if (!isInteractionEvent(event)) return;
        const interaction = reduceInteraction(interactions.get(event.interactionId), event);
        interactions.set(event.interactionId, interaction);
        const callback = reduceCallback(callbacks.get(event.callbackId), event);
        if (callback) callbacks.set(event.callbackId, callback);
        expect({ seq: event.seq, interaction: await store().getInteraction(event.interactionId) }).toEqual({ seq: event.seq, interaction });
        expect({ seq: event.seq, callback: await store().getCallback(event.callbackId) }).toEqual({ seq: event.seq, callback });
      };
      for (const event of everyKindOfEvent()) for (const appended of await store().append([event])) await check(appended);
      const beforeTransfer = await store().getCallback('cb-4');
      expect(beforeTransfer?.state).toBe('in-progress');
      for (const event of transferOfCallbackFour(beforeTransfer as Callback)) for (const appended of await store().append([event])) await check(appended);

      expect(await store().getInteraction('ix-1')).toMatchObject({ state: 'closed', outcome: 'completed', agentId: 'agent-grace', previewDurationMs: 55_000 });
      expect((await store().getInteraction('ix-1'))?.attempts.map((attempt) => attempt.outcome)).toEqual(['busy', 'answered']);
      expect(await store().getCallback('cb-1')).toMatchObject({ state: 'completed', attempts: 2, notes: 'Prefers afternoons' });
      expect(await store().getCallback('cb-2')).toMatchObject({ state: 'completed', attempts: 2 });
      expect(await store().getCallback('cb-3')).toMatchObject({ state: 'cancelled', schedule: { type: 'scheduled', start: at(120) } });
      expect(await store().getInteraction('ix-4')).toMatchObject({ state: 'closed', outcome: 'transferred' });
      expect(await store().getInteraction('ix-5')).toMatchObject({ state: 'queued', queueId: 'q-sales', transferredFrom: 'ix-4' });
      expect(await store().getCallback('cb-4')).toMatchObject({ state: 'pending', interactionId: 'ix-5', queueId: 'q-sales' });
    });

    it('applies a multi-event batch in order, each event seeing the one before', async () => {
      const appended = await store().append(everyKindOfEvent());
      let interaction: Interaction | undefined;
      for (const event of appended) if (isInteractionEvent(event) && event.interactionId === 'ix-1') interaction = reduceInteraction(interaction, event);
      expect(await store().getInteraction('ix-1')).toEqual(interaction);
      expect((await store().getInteraction('ix-1'))?.seq).toBe(23);
    });

    it('finds callbacks by id or human number', async () => {
      await store().append([fixtureCreated(1), fixtureCreated(12)]);
      expect((await store().getCallback('cb-12'))?.number).toBe('CB0000012');
      expect((await store().getCallback('CB0000012'))?.id).toBe('cb-12');
      expect(await store().getCallback('CB0000099')).toBeUndefined();
      expect(await store().getInteraction('ix-99')).toBeUndefined();
    });

    it('lists interactions by agent, queue, state and openness, most recently changed first', async () => {
      await appendEach(store(), everyKindOfEvent());
      const ids = (items: Interaction[]) => items.map((interaction) => interaction.id);
      expect(ids(await store().listInteractions({ limit: 50 }))).toEqual(['ix-4', 'ix-3', 'ix-2', 'ix-1']);
      expect(ids(await store().listInteractions({ limit: 2 }))).toEqual(['ix-4', 'ix-3']);
      expect(ids(await store().listInteractions({ agentId: 'agent-ada', limit: 50 }))).toEqual(['ix-4', 'ix-2']);
      expect(ids(await store().listInteractions({ queueId: 'q-sales', limit: 50 }))).toEqual(['ix-2']);
      expect(ids(await store().listInteractions({ state: 'closed', limit: 50 }))).toEqual(['ix-3', 'ix-2', 'ix-1']);
      expect(ids(await store().listInteractions({ open: 'true', limit: 50 }))).toEqual(['ix-4']);
      expect(ids(await store().listInteractions({ open: 'false', queueId: 'q-support', limit: 50 }))).toEqual(['ix-3', 'ix-1']);
    });

    it('finds interactions and callbacks by the vendor\'s id, and names it on the callback', async () => {
      const withVendorRef = (event: NewIccEvent, vendorRef: string) => ({ ...event, vendorRef }) as NewIccEvent;
      await store().append([withVendorRef(fixtureCreated(1), 'conv-a'), withVendorRef(fixtureCreated(2), 'conv-b'), fixtureCreated(3)]);
      expect((await store().listInteractions({ vendorRef: 'conv-a', limit: 50 })).map((interaction) => interaction.id)).toEqual(['ix-1']);
      expect(await store().listInteractions({ vendorRef: 'conv-c', limit: 50 })).toEqual([]);
      expect((await store().listCallbacks({ vendorRef: 'conv-b', limit: 50 })).items.map((callback) => callback.id)).toEqual(['cb-2']);
      expect(await store().getCallback('cb-1')).toMatchObject({ vendor: (await store().getInteraction('ix-1'))?.vendor, vendorRef: 'conv-a' });
      expect(await store().getCallback('cb-3')).not.toHaveProperty('vendorRef');
    });

    it('reloads open interactions, oldest request first', async () => {
      await store().append([
        fixtureCreated(1, { requestedAt: at(5) }),
        fixtureCreated(2, { requestedAt: at(1) }),
        fixtureCreated(3, { requestedAt: at(3) }),
        fixtureEvent('interaction.closed', 3, { at: at(4), outcome: 'cancelled', by: 'api' }),
      ]);
      expect((await store().openInteractions()).map((interaction) => interaction.id)).toEqual(['ix-2', 'ix-1']);
      expect((await store().openInteractions())[0]).toEqual(await store().getInteraction('ix-2'));
    });
  });
}
