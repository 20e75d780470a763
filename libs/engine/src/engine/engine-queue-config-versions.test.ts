import type { QueueConfig } from '@icc/protocol';
import { AGENTS, QUEUES, SECOND, createEngineHarness, interactionId, iso, onlyEvent, restartEngine, testQueues } from './__tests__/engine-fixtures';

const versionOne = (): QueueConfig[] =>
  testQueues().map((queue) => ({ ...queue, version: 1, ...(queue.id === QUEUES.manual ? { closingReasons: ['Customer unreachable'] } : {}) }));
const manualV1 = () => versionOne().find((queue) => queue.id === QUEUES.manual) as QueueConfig;
/** Version 2 of the manual queue changes everything an interaction works by. */
const manualV2 = (): QueueConfig => ({
  ...manualV1(),
  version: 2,
  offerTimeoutSeconds: 60,
  dialMethod: { type: 'auto', countdownSeconds: 10 },
  retryPolicy: { maxAttempts: 5, minIntervalSeconds: 60 },
  closingReasons: ['Left a voicemail'],
});

describe('callback engine: queue configuration versions', () => {
  it('keeps a callback under way on the version it started with, while new callbacks get the new one', () => {
    const h = createEngineHarness({ queues: versionOne() });
    h.presence(AGENTS.ada, 'available');
    const first = h.request(1);
    expect(onlyEvent(first, 'interaction.created')).toMatchObject({ queueConfigVersion: 1, closingReasons: ['Customer unreachable'], callback: { queueConfigVersion: 1 } });
    expect(onlyEvent(first, 'interaction.offered').expiresAt).toBe(iso(h.now() + 30 * SECOND));

    h.record(h.engine.applyQueueConfig(manualV2(), h.now()));
    h.presence(AGENTS.grace, 'available');
    const second = h.request(2);
    expect(onlyEvent(second, 'interaction.created')).toMatchObject({ queueConfigVersion: 2, closingReasons: ['Left a voicemail'] });
    expect(h.engine.callback('cb-2')).toMatchObject({ queueConfigVersion: 2, retryPolicy: { maxAttempts: 5, minIntervalSeconds: 60 } });
    expect(onlyEvent(second, 'interaction.offered')).toMatchObject({ agentId: AGENTS.grace, expiresAt: iso(h.now() + 60 * SECOND) });

    // The first callback: version 1's retry policy, closing reasons and manual dial.
    expect(h.engine.callback('cb-1')).toMatchObject({ queueConfigVersion: 1, retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } });
    expect(h.engine.interaction(interactionId(1))).toMatchObject({ queueConfigVersion: 1, closingReasons: ['Customer unreachable'], maxAttempts: 3 });
    const acceptedFirst = h.execute(AGENTS.ada, { type: 'accept', interactionId: interactionId(1) });
    expect(onlyEvent(acceptedFirst, 'interaction.accepted').autoDialAt).toBeUndefined();
    const acceptedSecond = h.execute(AGENTS.grace, { type: 'accept', interactionId: interactionId(2) });
    expect(onlyEvent(acceptedSecond, 'interaction.accepted').autoDialAt).toBe(iso(h.now() + 10 * SECOND));

    // Version 1 is kept while the first callback is open, and forgotten once it closes.
    expect(h.engine.footprint().queueVersions).toBe(1);
    h.execute(AGENTS.ada, { type: 'close-callback', interactionId: interactionId(1) });
    expect(h.engine.interaction(interactionId(1))).toBeUndefined();
    expect(h.engine.footprint().queueVersions).toBe(0);
  });

  it('after a restart, works an open interaction by the stored version it started with', () => {
    const h = createEngineHarness({ queues: versionOne() });
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    const asked: Array<[string, number]> = [];
    const { h: restarted } = restartEngine(h, {
      queues: versionOne().map((queue) => (queue.id === QUEUES.manual ? manualV2() : queue)),
      queueVersion: (queueId, version) => {
        asked.push([queueId, version]);
        return queueId === QUEUES.manual && version === 1 ? manualV1() : undefined;
      },
    });
    const accepted = restarted.execute(AGENTS.ada, { type: 'accept', interactionId: interactionId(1) });
    expect(onlyEvent(accepted, 'interaction.accepted').autoDialAt).toBeUndefined();
    expect(asked).toEqual([[QUEUES.manual, 1]]);
  });

  it('routes a queue created after start, and refuses new callbacks for a removed one', () => {
    const h = createEngineHarness({ queues: versionOne() });
    h.presence(AGENTS.ada, 'available');
    expect(() => h.request(1, { queueId: 'q-new' })).toThrow(expect.objectContaining({ code: 'not_found' }));
    h.record(h.engine.applyQueueConfig({ ...manualV1(), id: 'q-new', name: 'New', version: 1 }, h.now()));
    const created = h.request(2, { queueId: 'q-new' });
    expect(created.map((event) => event.type)).toEqual(['interaction.created']);
    h.record(h.engine.removeQueue('q-new', h.now()));
    expect(() => h.request(3, { queueId: 'q-new' })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
