import { createInMemoryEventStore, silentLogger, type EventStore } from '@icc/core';
import { fixtureCreated, fixtureEvent, fixturePresence } from '@icc/core/testing';
import type { NewIccEvent } from '@icc/protocol';
import type { AccessPrincipal } from '../auth/access-policy';
import { eventFrameFor } from '../ws/event-frame-for';
import { createEventHub } from './event-hub';
import type { PublishedEvent } from './published-event';

const AGENTS = ['agent-ada', 'agent-grace', 'agent-zoe', 'agent-nobody'];
const principal = (agentId: string): AccessPrincipal => ({ agentId, role: 'agent', queueIds: [] });

async function publish(store: EventStore, hub: ReturnType<typeof createEventHub>, events: NewIccEvent[]) {
  for (const event of events) {
    await store.append([event]);
    hub.publishFromStore();
  }
}

describe('createEventHub', () => {
  it('gives an agent subscription exactly the events its stream may show, in seq order', async () => {
    const store = createInMemoryEventStore();
    for (const id of AGENTS) await store.saveAgent({ id, displayName: id, role: 'agent', queueIds: ['q-support'] });
    const hub = createEventHub(store, silentLogger);
    const everything: PublishedEvent[] = [];
    hub.subscribe((published) => everything.push(published));
    const received = new Map(AGENTS.map((id) => [id, [] as number[]]));
    for (const id of AGENTS) hub.subscribeAgent(id, (published) => received.get(id)?.push(published.event.seq));

    await publish(store, hub, [
      fixtureCreated(1),
      fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z'),
      fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' }),
      fixtureEvent('interaction.offer-declined', 1, { agentId: 'agent-ada' }),
      fixtureCreated(2),
      fixtureEvent('interaction.offered', 1, { agentId: 'agent-grace' }),
      fixtureEvent('interaction.accepted', 1, { agentId: 'agent-grace' }),
      fixtureEvent('interaction.offered', 2, { agentId: 'agent-zoe' }),
      fixtureEvent('interaction.closed', 2, { outcome: 'cancelled', by: 'api' }),
      fixtureEvent('interaction.dialing', 1),
      fixturePresence('agent-zoe', 'away', '2026-03-10T14:05:00Z'),
    ]);

    expect(everything.map((published) => published.event.seq)).toEqual(Array.from({ length: 11 }, (_, index) => index + 1));
    for (const id of AGENTS) {
      const visible = everything.filter((published) => eventFrameFor(principal(id), published)).map((published) => published.event.seq);
      expect(received.get(id)).toEqual(visible);
    }
    // Ada saw interaction 1 until she declined it, and still sees it afterwards (she was involved).
    expect(received.get('agent-ada')).toEqual([2, 3, 4, 6, 7, 10, 11]);
    expect(received.get('agent-nobody')).toEqual([2, 11]);
  });

  it('stops delivering to an agent subscription once it unsubscribes, and keeps the others', async () => {
    const store = createInMemoryEventStore();
    const hub = createEventHub(store, silentLogger);
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = hub.subscribeAgent('agent-ada', (published) => first.push(published.event.seq));
    hub.subscribeAgent('agent-ada', (published) => second.push(published.event.seq));
    await publish(store, hub, [fixtureCreated(1), fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]);
    stopFirst();
    await publish(store, hub, [fixtureEvent('interaction.accepted', 1, { agentId: 'agent-ada' })]);
    expect(first).toEqual([2]);
    expect(second).toEqual([2, 3]);
  });
});
