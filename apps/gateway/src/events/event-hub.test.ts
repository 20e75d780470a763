import { asAsyncEventStore, createInMemoryEventStore, silentLogger, type EventStore } from '@icc/core';
import { fixtureCreated, fixtureEvent, fixtureIds, fixturePresence } from '@icc/core/testing';
import type { NewIccEvent } from '@icc/protocol';
import type { AccessPrincipal } from '../auth/access-policy';
import { eventFrameFor, eventFrameTextFor } from '../ws/event-frame-for';
import { createEventHub } from './event-hub';
import type { PublishedEvent } from './published-event';

const AGENTS = ['agent-ada', 'agent-grace', 'agent-zoe', 'agent-nobody'];
const principal = (agentId: string, queueIds: string[] = ['q-support']): AccessPrincipal => ({ agentId, role: 'agent', queueIds });

async function publish(store: EventStore, hub: Awaited<ReturnType<typeof createEventHub>>, events: NewIccEvent[]) {
  for (const event of events) {
    await store.append([event]);
    await hub.publishFromStore();
  }
}

describe('createEventHub', () => {
  it('gives an agent subscription exactly the events its stream may show, in seq order', async () => {
    const store = createInMemoryEventStore();
    for (const id of AGENTS) await store.saveAgent({ id, displayName: id, role: 'agent', queueIds: ['q-support'] });
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const everything: PublishedEvent[] = [];
    hub.subscribe((published) => everything.push(published));
    const received = new Map(AGENTS.map((id) => [id, [] as number[]]));
    for (const id of AGENTS) hub.subscribeAgent(principal(id), (published) => received.get(id)?.push(published.event.seq));

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
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = hub.subscribeAgent(principal('agent-ada'), (published) => first.push(published.event.seq));
    hub.subscribeAgent(principal('agent-ada'), (published) => second.push(published.event.seq));
    await publish(store, hub, [fixtureCreated(1), fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]);
    stopFirst();
    await publish(store, hub, [fixtureEvent('interaction.accepted', 1, { agentId: 'agent-ada' })]);
    expect(first).toEqual([2]);
    expect(second).toEqual([2, 3]);
  });
});

describe('createEventHub: cost per event', () => {
  it('publishes what an append committed without reading the log back', async () => {
    const store = createInMemoryEventStore();
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const seen: number[] = [];
    hub.subscribe((published) => seen.push(published.event.seq));
    const readAfter = jest.spyOn(store, 'readAfter');
    const readInteraction = jest.spyOn(store, 'readInteraction');
    await hub.publishCommitted(await store.append([fixtureCreated(1), fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]));
    await hub.publishCommitted(await store.append([fixtureEvent('interaction.accepted', 1, { agentId: 'agent-ada' })]));
    expect(seen).toEqual([1, 2, 3]);
    expect(readAfter).not.toHaveBeenCalled();
    expect(readInteraction).not.toHaveBeenCalled();
  });

  it('reads the log for what was committed without being handed over, so no seq is skipped or repeated', async () => {
    const store = createInMemoryEventStore();
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const seen: number[] = [];
    hub.subscribe((published) => seen.push(published.event.seq));
    await store.append([fixtureCreated(1)]); // never handed to the hub
    const second = await store.append([fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]);
    await hub.publishCommitted(second);
    await hub.publishCommitted(second);
    expect(seen).toEqual([1, 2]);
  });

  it('serializes an event frame once for every socket it reaches', async () => {
    const store = createInMemoryEventStore();
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const texts: string[] = [];
    for (const id of AGENTS) hub.subscribeAgent(principal(id), (published) => texts.push(eventFrameTextFor(principal(id), published) ?? ''));
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      await hub.publishCommitted(await store.append([fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z')]));
      const frameCalls = stringify.mock.calls.filter(([value]) => (value as { type?: string } | undefined)?.type === 'event');
      expect(texts).toHaveLength(AGENTS.length);
      expect(new Set(texts).size).toBe(1);
      expect(JSON.parse(texts[0] as string)).toMatchObject({ type: 'event', event: { type: 'agent.presence-changed', agentId: 'agent-ada' } });
      expect(frameCalls).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it("shows an agent's presence only to the agents of its queues (and supervisors)", async () => {
    const store = createInMemoryEventStore();
    await store.saveAgent({ id: 'agent-ada', displayName: 'Ada', role: 'agent', queueIds: ['q-support'] });
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const heard = new Map<string, number>();
    const listen = (who: AccessPrincipal) => hub.subscribeAgent(who, () => heard.set(who.agentId, (heard.get(who.agentId) ?? 0) + 1));
    listen(principal('agent-grace', ['q-support', 'q-sales']));
    listen(principal('agent-zoe', ['q-sales']));
    listen(principal('agent-ada', []));
    await hub.publishCommitted(await store.append([fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z')]));
    expect(Object.fromEntries(heard)).toEqual({ 'agent-grace': 1, 'agent-ada': 1 });
  });

  it('never rejects when a store read fails: the next publication reads those events again, in order', async () => {
    const memory = createInMemoryEventStore();
    await memory.saveAgent({ id: 'agent-ada', displayName: 'Ada', role: 'agent', queueIds: ['q-support'] });
    const store = asAsyncEventStore(memory);
    let failNext = true;
    const failing: typeof store = new Proxy(store, {
      get(target, property, receiver) {
        // The first presence event reads the agents once (the hub's directory).
        if (property !== 'listAgents') return Reflect.get(target, property, receiver) as unknown;
        return async () => {
          if (failNext) {
            failNext = false;
            throw new Error('connection lost');
          }
          return target.listAgents();
        };
      },
    });
    const hub = await createEventHub(failing, silentLogger);
    const seen: number[] = [];
    hub.subscribe((published) => seen.push(published.event.seq));
    await expect(hub.publishCommitted(await memory.append([fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z')]))).resolves.toBeUndefined();
    expect(seen).toEqual([]);
    await hub.publishCommitted(await memory.append([fixtureCreated(1)]));
    expect(seen).toEqual([1, 2]);
  });

  it("keeps every open interaction in memory, indexed by the agents involved, from the log it started on", async () => {
    const store = createInMemoryEventStore();
    await store.append([
      fixtureCreated(1),
      fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' }),
      fixtureEvent('interaction.offer-declined', 1, { agentId: 'agent-ada' }),
      fixtureEvent('interaction.offered', 1, { agentId: 'agent-grace' }),
      fixtureCreated(2),
      fixtureCreated(3),
      fixtureEvent('interaction.closed', 3, { outcome: 'cancelled', by: 'api' }),
    ]);
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const readInteraction = jest.spyOn(store, 'readInteraction');
    await hub.publishCommitted(await store.append([fixtureEvent('interaction.offered', 2, { agentId: 'agent-zoe' })]));
    const ids = (agentId?: string) => hub.timeline.open(agentId).map((moment) => moment.view.id);
    expect(ids()).toEqual([fixtureIds(1).interactionId, fixtureIds(2).interactionId]);
    expect(ids('agent-ada')).toEqual([fixtureIds(1).interactionId]);
    expect(ids('agent-grace')).toEqual([fixtureIds(1).interactionId]);
    expect(ids('agent-zoe')).toEqual([fixtureIds(2).interactionId]);
    expect(ids('agent-nobody')).toEqual([]);
    expect(readInteraction).not.toHaveBeenCalled();
  });

  it('folds presence from memory: the agents are read once, not once per presence event', async () => {
    const memory = createInMemoryEventStore();
    for (const id of AGENTS) await memory.saveAgent({ id, displayName: id, role: 'agent', queueIds: ['q-support'] });
    const listAgents = jest.spyOn(memory, 'listAgents');
    const getAgent = jest.spyOn(memory, 'getAgent');
    const hub = await createEventHub(asAsyncEventStore(memory), silentLogger);
    const presences: Array<string | undefined> = [];
    hub.subscribe((published) => presences.push(published.agent?.presence));
    for (const [index, presence] of (['available', 'away', 'available', 'offline'] as const).entries()) {
      await hub.publishCommitted(await memory.append([fixturePresence(AGENTS[index % 2] as string, presence, `2026-03-10T14:0${index}:00Z`)]));
    }
    expect(presences).toEqual(['available', 'away', 'available', 'offline']);
    expect(listAgents).toHaveBeenCalledTimes(1);
    expect(getAgent).not.toHaveBeenCalled();
    // An agent configured after that read is looked up once, then known.
    await memory.saveAgent({ id: 'agent-late', displayName: 'Late', role: 'agent', queueIds: ['q-support'] });
    await hub.publishCommitted(await memory.append([fixturePresence('agent-late', 'available', '2026-03-10T14:10:00Z')]));
    await hub.publishCommitted(await memory.append([fixturePresence('agent-late', 'away', '2026-03-10T14:11:00Z')]));
    expect(getAgent).toHaveBeenCalledTimes(1);
    expect((await hub.agents()).get('agent-late')).toMatchObject({ presence: 'away', presenceSince: '2026-03-10T14:11:00Z' });
  });

  it("finds a presence event's recipients by queue: agents of other queues are not even asked", async () => {
    const store = createInMemoryEventStore();
    await store.saveAgent({ id: 'agent-ada', displayName: 'Ada', role: 'agent', queueIds: ['q-support'] });
    const hub = await createEventHub(asAsyncEventStore(store), silentLogger);
    const asked: string[] = [];
    for (let index = 0; index < 50; index += 1) hub.subscribeAgent(principal(`agent-sales-${index}`, ['q-sales']), () => asked.push(`agent-sales-${index}`));
    hub.subscribeAgent(principal('agent-grace', ['q-support']), () => asked.push('agent-grace'));
    hub.subscribeAgent({ agentId: 'supervisor-sam', role: 'supervisor', queueIds: [] }, () => asked.push('supervisor-sam'));
    await hub.publishCommitted(await store.append([fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z')]));
    expect(asked).toEqual(['supervisor-sam', 'agent-grace']);
  });
});
