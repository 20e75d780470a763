import type { ConformanceScenario } from '../conformance-scenario';
import {
  acceptOffer,
  endAndWrapUp,
  eventsOfType,
  lacks,
  lacksMode,
  onlyEvent,
  preferredMode,
  queueFor,
  secondsBetween,
} from '../scenario-steps';

export const noAnswerThenRetryAnswered: ConformanceScenario = {
  title: 'customer-first no answer: retried after the minimum interval, then answered',
  absentFeature(capabilities) {
    const absent = lacksMode(capabilities, 'customer-first');
    return absent && `${absent} (agent-first retries are the agent's Retry call: see the redial scenario)`;
  },
  async run(run) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const queue = run.world.queues.customerFirst;
    await run.simulator.scriptCustomer(primary, [{ kind: 'no-answer' }, { kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId } = await run.request({ queue, phoneNumbers: [primary] });

    const waiting = await run.waitForState(interactionId, 'retry-wait');
    const failed = onlyEvent(run, interactionId, 'interaction.dial-failed');
    expect(failed.failure).toBe('no-answer');
    expect(secondsBetween(failed, waiting.nextRetryAt ?? failed.at)).toBeGreaterThanOrEqual(queue.retryPolicy.minIntervalSeconds);

    await acceptOffer(run, interactionId, ada.id, { withinSeconds: queue.retryPolicy.minIntervalSeconds + 120 });
    const connected = await run.waitForState(interactionId, 'connected');
    const dials = eventsOfType(run, interactionId, 'interaction.dialing');
    expect(dials.map((dial) => dial.attempt)).toEqual([1, 2]);
    expect(secondsBetween(failed, dials[1]?.at ?? failed.at)).toBeGreaterThanOrEqual(queue.retryPolicy.minIntervalSeconds);
    expect(connected.attempts).toEqual([
      expect.objectContaining({ phoneNumber: primary, outcome: 'no-answer' }),
      expect.objectContaining({ phoneNumber: primary, outcome: 'answered' }),
    ]);
    await endAndWrapUp(run, interactionId);
  },
};

export const retriesExhausted: ConformanceScenario = {
  title: 'customer-first retries exhausted: the callback fails after the last attempt',
  absentFeature: (capabilities) => lacksMode(capabilities, 'customer-first'),
  async run(run) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const queue = run.world.queues.customerFirst;
    await run.simulator.scriptCustomer(primary, [{ kind: 'no-answer' }]);
    await run.available(ada);
    const { interactionId, callbackId } = await run.request({ queue, phoneNumbers: [primary] });
    const closed = await run.waitForState(interactionId, 'closed', { withinSeconds: 600, stepSeconds: 5 });
    expect(closed.outcome).toBe('failed');
    expect(closed.attempts).toHaveLength(queue.retryPolicy.maxAttempts);
    expect(closed.attempts.every((attempt) => attempt.outcome === 'no-answer')).toBe(true);
    expect(eventsOfType(run, interactionId, 'interaction.offered')).toEqual([]);
    expect(run.sink.callback(callbackId)?.state).toBe('failed');
  },
};

export const expireTimePassed: ConformanceScenario = {
  title: 'expire time passed: a callback nobody reached closes as expired',
  async run(run, capabilities) {
    const expireAt = run.inSeconds(300);
    const { interactionId, callbackId } = await run.request({ queue: queueFor(run, preferredMode(capabilities)), expireAt });
    await run.passTime(290, { stepSeconds: 10 });
    expect(run.interaction(interactionId).state).toBe('queued');
    const closed = await run.waitForState(interactionId, 'closed', { withinSeconds: 60 });
    expect(closed.outcome).toBe('expired');
    expect(secondsBetween(expireAt, closed.closedAt ?? expireAt)).toBeGreaterThanOrEqual(0);
    expect(run.sink.callback(callbackId)?.state).toBe('expired');
  },
};

export const redialAndSecondNumber: ConformanceScenario = {
  title: 'Retry call (redial): the agent redials after no answer, then calls the second callback number',
  absentFeature: (capabilities) => lacksMode(capabilities, 'agent-first') ?? lacks(capabilities, 'redial'),
  async run(run) {
    const { ada } = run.world.agents;
    const { primary, secondary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(primary, [{ kind: 'no-answer' }, { kind: 'busy' }]);
    await run.simulator.scriptCustomer(secondary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [primary, secondary] });
    await acceptOffer(run, interactionId, ada.id);
    await run.waitForState(interactionId, 'previewing');
    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
    await run.waitForState(interactionId, 'no-answer');

    // Agent-first: the agent decides what happens after no answer, nothing is retried by itself.
    await run.passTime(120, { stepSeconds: 5 });
    expect(run.interaction(interactionId).state).toBe('no-answer');
    expect(eventsOfType(run, interactionId, 'interaction.dialing')).toHaveLength(1);

    await run.execute(ada, { type: 'redial', interactionId });
    await run.waitFor('the redial to fail as busy', () => run.interaction(interactionId).attempts[1]?.outcome === 'busy');
    await run.waitForState(interactionId, 'no-answer');

    await run.execute(ada, { type: 'redial', interactionId, phoneNumber: secondary });
    const connected = await run.waitForState(interactionId, 'connected');
    expect(connected.attempts).toEqual([
      expect.objectContaining({ attempt: 1, phoneNumber: primary, outcome: 'no-answer' }),
      expect.objectContaining({ attempt: 2, phoneNumber: primary, outcome: 'busy' }),
      expect.objectContaining({ attempt: 3, phoneNumber: secondary, outcome: 'answered' }),
    ]);
    await endAndWrapUp(run, interactionId);
  },
};

export const RETRY_SCENARIOS: readonly ConformanceScenario[] = [
  noAnswerThenRetryAnswered,
  retriesExhausted,
  expireTimePassed,
  redialAndSecondNumber,
];
