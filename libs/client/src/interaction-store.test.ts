import {
  exampleAgent,
  exampleAgentPresenceChangedEvent,
  exampleInteraction,
  exampleQueueConfig,
  exampleQueueStats,
  exampleSnapshotFrame,
  exampleSupervisor,
  exampleWelcomeFrame,
  type ServerFrame,
} from '@icc/protocol';
import { connectStore } from './connect-store';
import { createInteractionStore } from './interaction-store';
import { EMPTY_INTERACTION_STORE_STATE } from './interaction-store-state';
import { eventFrameAt } from './testing/example-stream-frames';

function welcomedStore() {
  const store = createInteractionStore();
  store.apply(exampleWelcomeFrame());
  store.apply(
    exampleSnapshotFrame({ seq: 10, interactions: [exampleInteraction({ seq: 9 })], agents: [exampleAgent(), exampleSupervisor()] }),
  );
  return store;
}

describe('createInteractionStore', () => {
  it('starts empty', () => {
    expect(createInteractionStore().getState()).toBe(EMPTY_INTERACTION_STORE_STATE);
  });

  it('takes me, vendor and capabilities from welcome and everything else from the snapshot', () => {
    const state = welcomedStore().getState();
    expect(state.me?.id).toBe('agent-ada');
    expect(state.vendor).toBe('mock');
    expect(state.capabilities?.hold).toBe(true);
    expect(Object.keys(state.interactions)).toEqual(['ix-0001']);
    expect(Object.keys(state.agents).sort()).toEqual(['agent-ada', 'sup-linus']);
    expect(Object.keys(state.queues)).toEqual(['q-support']);
    expect(state.queueStats['q-support']?.depth).toBe(4);
    expect(state.lastSeq).toBe(10);
  });

  it('replaces the interaction with the view carried by each newer event and advances lastSeq', () => {
    const store = welcomedStore();
    store.apply(eventFrameAt(11, 'offered'));
    store.apply(eventFrameAt(12, 'previewing'));
    store.apply(eventFrameAt(13, 'queued', 'ix-0002'));
    const state = store.getState();
    expect(state.interactions['ix-0001']?.state).toBe('previewing');
    expect(state.interactions['ix-0002']?.state).toBe('queued');
    expect(state.lastSeq).toBe(13);
  });

  it('ignores an event it has already folded and keeps the same state object', () => {
    const store = welcomedStore();
    store.apply(eventFrameAt(11, 'previewing'));
    const before = store.getState();
    store.apply(eventFrameAt(11, 'offered'));
    store.apply(eventFrameAt(5, 'queued'));
    expect(store.getState()).toBe(before);
  });

  it('updates the agent and me on a presence change', () => {
    const store = welcomedStore();
    store.apply({
      type: 'event',
      event: exampleAgentPresenceChangedEvent({ seq: 11, presence: 'away', previous: 'available' }),
      agent: exampleAgent({ presence: 'away' }),
    });
    expect(store.getState().agents['agent-ada']?.presence).toBe('away');
    expect(store.getState().me?.presence).toBe('away');

    store.apply({
      type: 'event',
      event: exampleAgentPresenceChangedEvent({ seq: 12, agentId: 'sup-linus', presence: 'available', previous: 'away' }),
    });
    expect(store.getState().agents['sup-linus']?.presence).toBe('available');
    expect(store.getState().me?.presence).toBe('away');
  });

  it('merges queue.stats frames by queue and ignores identical figures', () => {
    const store = welcomedStore();
    store.apply({ type: 'queue.stats', stats: [exampleQueueStats({ queueId: 'q-sales', depth: 1 })] });
    const afterSales = store.getState();
    expect(afterSales.queueStats['q-sales']?.depth).toBe(1);
    expect(afterSales.queueStats['q-support']?.depth).toBe(4);
    store.apply({ type: 'queue.stats', stats: [exampleQueueStats({ queueId: 'q-sales', depth: 1 })] });
    expect(store.getState()).toBe(afterSales);
  });

  it('folds a successful command result unless it holds a newer view', () => {
    const store = welcomedStore();
    store.apply({ type: 'command.result', id: 'c1', ok: true, interaction: exampleInteraction({ state: 'previewing', seq: 11 }) });
    expect(store.getState().interactions['ix-0001']?.state).toBe('previewing');
    store.upsertInteraction(exampleInteraction({ state: 'offered', seq: 10 }));
    expect(store.getState().interactions['ix-0001']?.state).toBe('previewing');
    const before = store.getState();
    store.apply({ type: 'command.result', id: 'c2', ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(store.getState()).toBe(before);
  });

  it('folds a queue version saved over REST unless it holds a newer one', () => {
    const store = welcomedStore();
    store.upsertQueue(exampleQueueConfig({ version: 3, callingHours: { start: '09:00', end: '20:00' } }));
    expect(store.getState().queues['q-support']).toMatchObject({ version: 3, callingHours: { start: '09:00', end: '20:00' } });
    const saved = store.getState();
    store.upsertQueue(exampleQueueConfig({ version: 2 }));
    store.upsertQueue(exampleQueueConfig({ version: 3, callingHours: { start: '09:00', end: '20:00' } }));
    expect(store.getState()).toBe(saved);
    store.upsertQueue(exampleQueueConfig({ id: 'q-new', version: 1 }));
    expect(Object.keys(store.getState().queues)).toContain('q-new');
  });

  it('hands out frozen snapshots and never mutates an earlier one', () => {
    const store = welcomedStore();
    const before = store.getState();
    const interactionsBefore = before.interactions;
    store.apply(eventFrameAt(11, 'previewing'));
    const after = store.getState();

    expect(after).not.toBe(before);
    expect(before.interactions).toBe(interactionsBefore);
    expect(before.interactions['ix-0001']?.state).toBe('queued');
    expect(before.lastSeq).toBe(10);
    expect(Object.isFrozen(after)).toBe(true);
    expect(Object.isFrozen(after.interactions)).toBe(true);
    expect(() => {
      (after.interactions as Record<string, unknown>)['ix-9'] = {};
    }).toThrow(TypeError);
    expect(after.queues).toBe(before.queues);
  });

  it('returns the same object from getState until something changes, as useSyncExternalStore requires', () => {
    const store = welcomedStore();
    expect(store.getState()).toBe(store.getState());
    const before = store.getState();
    store.apply(exampleWelcomeFrame({ resumed: true }));
    store.apply({ type: 'ping' });
    expect(store.getState()).toBe(before);
  });

  it('notifies subscribers only on change and stops after unsubscribe', () => {
    const store = welcomedStore();
    const listener = jest.fn();
    const unsubscribe = store.subscribe(listener);
    store.apply(eventFrameAt(11));
    store.apply(eventFrameAt(11));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.apply(eventFrameAt(12));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('a later snapshot replaces everything and reset empties the store', () => {
    const store = welcomedStore();
    store.apply(eventFrameAt(11, 'queued', 'ix-0002'));
    store.apply(exampleSnapshotFrame({ seq: 50, interactions: [] }));
    expect(store.getState().interactions).toEqual({});
    expect(store.getState().lastSeq).toBe(50);
    expect(store.getState().me?.id).toBe('agent-ada');
    store.reset();
    expect(store.getState()).toBe(EMPTY_INTERACTION_STORE_STATE);
  });
});

describe('connectStore', () => {
  it('feeds stream frames into the store, starting with a welcome already received', () => {
    const listeners = new Set<(frame: ServerFrame) => void>();
    const stream = {
      welcome: exampleWelcomeFrame(),
      subscribe(listener: (frame: ServerFrame) => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    const store = createInteractionStore();
    const disconnect = connectStore(stream, store);
    expect(store.getState().me?.id).toBe('agent-ada');

    for (const listener of listeners) listener(exampleSnapshotFrame({ seq: 3 }));
    expect(store.getState().lastSeq).toBe(3);
    disconnect();
    expect(listeners.size).toBe(0);
  });
});
