import { callbackRefusals, decideCancel, decideReschedule, IccError } from '@icc/core';
import type { ConformanceRun } from '../conformance-run';
import type { ConformanceScenario } from '../conformance-scenario';
import { connectCall, lacks, preferredMode, queueFor } from '../scenario-steps';

/** The refusal core's decide function gives; the scenario is wrong if core would allow the request. */
function coreRefusal(decide: () => unknown): IccError {
  try {
    decide();
  } catch (error) {
    if (error instanceof IccError) return error;
    throw error;
  }
  throw new Error("core's decide function allows this request: the scenario does not set up a refusal");
}

/** The adapter refuses with exactly core's error: same code, message and issues. */
async function expectRefusedLikeCore(attempt: Promise<unknown>, expected: IccError): Promise<void> {
  const refused = await attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(IccError);
  expect((refused as IccError).toBody()).toEqual(expected.toBody());
}

function rescheduleLikeCore(run: ConformanceRun, interactionId: string, start: string, capabilities: Parameters<ConformanceScenario['run']>[1]) {
  return coreRefusal(() =>
    decideReschedule(run.interaction(interactionId), { request: { start }, actor: 'api', capabilities, now: run.clock.now() }),
  );
}

export const refusedOnceConnected: ConformanceScenario = {
  title: "invalid cancel and reschedule: once the customer and an agent are connected, both are refused with core's error (code and message)",
  async run(run, capabilities) {
    const interactionId = await connectCall(run, capabilities);
    const { callbackId } = run.interaction(interactionId);

    const cancelRefusal = coreRefusal(() => decideCancel(run.interaction(interactionId), { actor: 'api', now: run.clock.now() }));
    await expectRefusedLikeCore(run.adapter.cancelCallback(callbackId, 'api', 'The customer no longer needs it'), cancelRefusal);

    if (capabilities.reschedule && capabilities.scheduled) {
      const start = run.inSeconds(3600);
      await expectRefusedLikeCore(run.adapter.reschedule(callbackId, { start }, 'api'), rescheduleLikeCore(run, interactionId, start, capabilities));
    }
    await run.settle();
    expect(run.interaction(interactionId).state).toBe('connected');
  },
};

export const rescheduleIntoThePast: ConformanceScenario = {
  title: "invalid reschedule: a new start in the past is refused with core's error (code, message and issue path), and the callback stays queued",
  absentFeature: (capabilities) => lacks(capabilities, 'reschedule', 'scheduled'),
  async run(run, capabilities) {
    const { interactionId, callbackId } = await run.request({ queue: queueFor(run, preferredMode(capabilities)) });
    const start = run.inSeconds(-60);
    await expectRefusedLikeCore(run.adapter.reschedule(callbackId, { start }, 'api'), rescheduleLikeCore(run, interactionId, start, capabilities));
    await run.settle();
    expect(run.interaction(interactionId).state).toBe('queued');
    expect(run.eventsOf(interactionId).map((event) => event.type)).not.toContain('interaction.rescheduled');
  },
};

export const refusedOnceClosed: ConformanceScenario = {
  title: "invalid cancel and reschedule: once the interaction is closed, both are refused with core's error (code and message), not as unknown",
  async run(run, capabilities) {
    const mode = preferredMode(capabilities);
    const { interactionId, callbackId } = await run.request({ queue: queueFor(run, mode) });
    await run.adapter.cancelCallback(callbackId, 'api', 'The customer no longer needs it');
    await run.settle();
    expect(run.interaction(interactionId).state).toBe('closed');

    await expectRefusedLikeCore(run.adapter.cancelCallback(callbackId, 'api'), callbackRefusals.noOpenInteraction(callbackId, 'cancel', { mode }));
    if (capabilities.reschedule && capabilities.scheduled) {
      const refusal = callbackRefusals.noOpenInteraction(callbackId, 'reschedule', { mode });
      await expectRefusedLikeCore(run.adapter.reschedule(callbackId, { start: run.inSeconds(3600) }, 'api'), refusal);
    }
  },
};

export const REFUSAL_SCENARIOS: readonly ConformanceScenario[] = [refusedOnceConnected, rescheduleIntoThePast, refusedOnceClosed];
