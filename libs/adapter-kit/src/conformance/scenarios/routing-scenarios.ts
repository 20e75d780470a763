import type { ConformanceScenario } from '../conformance-scenario';
import {
  acceptOffer,
  endAndWrapUp,
  eventsOfType,
  expectInOrder,
  lacks,
  lacksMode,
  onlyEvent,
  preferredMode,
  queueFor,
  secondsBetween,
  statesVisited,
} from '../scenario-steps';

export const customerFirstAnswered: ConformanceScenario = {
  title: 'ASAP customer-first: the customer is dialed, answers, and the call is offered to the reserved agent',
  absentFeature: (capabilities) => lacksMode(capabilities, 'customer-first'),
  async run(run) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId, callbackId, events } = await run.request({ queue: run.world.queues.customerFirst, phoneNumbers: [primary] });
    expect(events.filter((event) => event.type === 'interaction.created')).toHaveLength(1);
    await acceptOffer(run, interactionId, ada.id);
    await run.waitForState(interactionId, 'connected');
    expect(onlyEvent(run, interactionId, 'interaction.dialing')).toMatchObject({ attempt: 1, phoneNumber: primary });
    expectInOrder(statesVisited(run, interactionId), ['queued', 'dialing', 'offered', 'connected']);
    const answered = onlyEvent(run, interactionId, 'interaction.customer-answered');
    const offered = onlyEvent(run, interactionId, 'interaction.offered');
    expect(answered.seq).toBeLessThan(offered.seq);
    expect(run.interaction(interactionId).attempts).toEqual([expect.objectContaining({ phoneNumber: primary, outcome: 'answered' })]);
    await endAndWrapUp(run, interactionId);
    expect(run.sink.callback(callbackId)?.state).toBe('completed');
  },
};

export const agentFirstManualDial: ConformanceScenario = {
  title: 'ASAP agent-first, manual dial: offered, accepted, previewed until the agent presses Call number',
  absentFeature: (capabilities) => lacksMode(capabilities, 'agent-first'),
  async run(run) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId, callbackId } = await run.request({ queue: run.world.queues.manual });
    await acceptOffer(run, interactionId, ada.id);
    const offered = onlyEvent(run, interactionId, 'interaction.offered');
    expect(secondsBetween(offered, offered.expiresAt)).toBeCloseTo(run.world.queues.manual.offerTimeoutSeconds, 0);
    const previewing = await run.waitForState(interactionId, 'previewing');
    expect(previewing.autoDialAt).toBeUndefined();

    await run.passTime(60);
    expect(run.interaction(interactionId).state).toBe('previewing');
    expect(eventsOfType(run, interactionId, 'interaction.dialing')).toEqual([]);

    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
    const connected = await run.waitForState(interactionId, 'connected');
    expect(onlyEvent(run, interactionId, 'interaction.dialing')).toMatchObject({ phoneNumber: primary, trigger: 'agent', attempt: 1 });
    expect(connected.previewDurationMs).toBeGreaterThanOrEqual(60_000);
    await endAndWrapUp(run, interactionId);
    expect(run.sink.callback(callbackId)?.state).toBe('completed');
  },
};

export const agentFirstAutoDial: ConformanceScenario = {
  title: 'agent-first, auto dial: Call number happens by itself when the countdown ends; wrap-up closes itself',
  absentFeature: (capabilities) => lacksMode(capabilities, 'agent-first') ?? lacks(capabilities, 'autoDial'),
  async run(run) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const queue = run.world.queues.autoDial;
    const countdown = queue.dialMethod.type === 'auto' ? queue.dialMethod.countdownSeconds : 0;
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId } = await run.request({ queue });
    await acceptOffer(run, interactionId, ada.id);
    const accepted = onlyEvent(run, interactionId, 'interaction.accepted');
    expect(accepted.autoDialAt).toBeDefined();
    expect(secondsBetween(accepted, accepted.autoDialAt ?? accepted.at)).toBeCloseTo(countdown, 0);

    await run.waitForState(interactionId, 'connected', { withinSeconds: countdown + 30 });
    const dialing = onlyEvent(run, interactionId, 'interaction.dialing');
    expect(dialing).toMatchObject({ trigger: 'auto-dial', phoneNumber: primary });
    expect(secondsBetween(accepted, dialing)).toBeGreaterThanOrEqual(countdown);
    expect(secondsBetween(accepted, dialing)).toBeLessThanOrEqual(countdown + 5);

    await run.execute(ada, { type: 'end-call', interactionId });
    const ended = onlyEvent(run, interactionId, 'interaction.call-ended');
    expect(ended.autoCloseAt).toBeDefined();
    const closed = await run.waitForState(interactionId, 'closed', { withinSeconds: queue.autoCloseSeconds + 30 });
    expect(closed.outcome).toBe('completed');
    const closing = onlyEvent(run, interactionId, 'interaction.closed');
    expect(closing.by).toBe('system');
    expect(secondsBetween(ended, closing)).toBeGreaterThanOrEqual(queue.autoCloseSeconds);
  },
};

export const scheduledCallback: ConformanceScenario = {
  title: 'scheduled callback: waits until its start time, then is routed',
  absentFeature: (capabilities) => lacks(capabilities, 'scheduled'),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const mode = preferredMode(capabilities);
    const start = run.inSeconds(600);
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId } = await run.request({
      queue: queueFor(run, mode),
      phoneNumbers: [primary],
      schedule: { type: 'scheduled', start, windowEnd: run.inSeconds(2400) },
    });
    expect(run.interaction(interactionId)).toMatchObject({ state: 'scheduled', scheduledAt: start });

    await run.passTime(590, { stepSeconds: 10 });
    expect(run.interaction(interactionId).state).toBe('scheduled');

    await run.waitFor(`${interactionId} to be routed after its start`, () => {
      const interaction = run.sink.interaction(interactionId);
      return mode === 'agent-first' ? interaction?.state === 'offered' : (interaction?.attempts.length ?? 0) > 0;
    });
    const queued = eventsOfType(run, interactionId, 'interaction.queued')[0];
    expect(queued).toMatchObject({ cause: 'schedule-start' });
    expect(secondsBetween(start, queued?.at ?? start)).toBeGreaterThanOrEqual(0);
  },
};

export const ROUTING_SCENARIOS: readonly ConformanceScenario[] = [
  customerFirstAnswered,
  agentFirstManualDial,
  agentFirstAutoDial,
  scheduledCallback,
];
