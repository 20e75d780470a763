import type { ConformanceScenario } from '../conformance-scenario';
import { eventsOfType, lacks, preferredMode, queueFor } from '../scenario-steps';

export const cancelWhileQueued: ConformanceScenario = {
  title: 'cancel while queued: the callback closes as cancelled and is never offered',
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const { interactionId, callbackId } = await run.request({ queue: queueFor(run, preferredMode(capabilities)) });
    expect(run.interaction(interactionId).state).toBe('queued');
    const events = await run.adapter.cancelCallback(callbackId, 'api', 'The customer called back on their own');
    expect(events.map((event) => event.type)).toContain('interaction.closed');
    await run.settle();
    expect(run.interaction(interactionId)).toMatchObject({ state: 'closed', outcome: 'cancelled' });
    expect(run.sink.callback(callbackId)?.state).toBe('cancelled');

    await run.available(ada);
    await run.passTime(30);
    expect(eventsOfType(run, interactionId, 'interaction.offered')).toEqual([]);
    expect(eventsOfType(run, interactionId, 'interaction.dialing')).toEqual([]);
  },
};

export const rescheduleQueued: ConformanceScenario = {
  title: 'reschedule: a queued callback waits for its new start time, then is routed',
  absentFeature: (capabilities) => lacks(capabilities, 'reschedule', 'scheduled'),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const mode = preferredMode(capabilities);
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    const { interactionId, callbackId } = await run.request({ queue: queueFor(run, mode), phoneNumbers: [primary] });
    const start = run.inSeconds(1800);
    await run.adapter.reschedule(callbackId, { start }, 'api');
    await run.settle();
    expect(run.interaction(interactionId)).toMatchObject({ state: 'scheduled', scheduledAt: start });
    expect(run.sink.callback(callbackId)?.schedule).toMatchObject({ type: 'scheduled', start });

    await run.available(ada);
    await run.passTime(1790, { stepSeconds: 10 });
    expect(run.interaction(interactionId).state).toBe('scheduled');
    await run.waitFor(`${interactionId} to be routed after its new start`, () => {
      const interaction = run.interaction(interactionId);
      return mode === 'agent-first' ? interaction.state === 'offered' : interaction.attempts.length > 0;
    });
  },
};

export const duplicateRequest: ConformanceScenario = {
  title: 'duplicate request: the same callbackId never creates a second callback',
  async run(run, capabilities) {
    const queue = queueFor(run, preferredMode(capabilities));
    const identity = run.newIdentity();
    const request = run.buildRequest({ queue });
    await run.adapter.requestCallback(request, identity);
    await run.settle();
    const created = () =>
      run.sink.events.filter((event) => event.type === 'interaction.created' && event.callbackId === identity.callbackId);
    expect(created()).toHaveLength(1);

    // A retry of the same request (same callbackId and number): nothing new happens.
    const replayed = await run.adapter.requestCallback(request, identity);
    await run.settle();
    expect(replayed.filter((event) => event.type === 'interaction.created')).toEqual([]);
    expect(created()).toHaveLength(1);

    // The same callbackId for another request is a conflict, not a second callback.
    const conflicting = { ...identity, interactionId: 'ix-conf-conflict', number: 'CB9999999' };
    await expect(run.adapter.requestCallback(request, conflicting)).rejects.toMatchObject({ code: 'idempotency_conflict' });
    await run.settle();
    expect(created()).toHaveLength(1);
    expect(run.sink.interaction('ix-conf-conflict')).toBeUndefined();
  },
};

export const REQUEST_SCENARIOS: readonly ConformanceScenario[] = [cancelWhileQueued, rescheduleQueued, duplicateRequest];
