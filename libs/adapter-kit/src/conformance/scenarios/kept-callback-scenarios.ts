import { assertMayKeep, IccError } from '@icc/core';
import type { ConformanceScenario } from '../conformance-scenario';
import { eventsOfType, lacks, lacksMode } from '../scenario-steps';

export const keptCallbackGoesToItsAgent: ConformanceScenario = {
  title: 'kept callback: a callback kept for one agent is offered to that agent only, though another has waited longer',
  absentFeature: (capabilities) => lacks(capabilities, 'keptCallbacks') ?? lacksMode(capabilities, 'agent-first'),
  async run(run) {
    const { ada, grace } = run.world.agents;
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.manual, assignedAgentId: grace.id });
    await run.passTime(60);
    expect(eventsOfType(run, interactionId, 'interaction.offered')).toEqual([]);

    await run.available(grace);
    await run.waitForState(interactionId, 'offered');
    expect(eventsOfType(run, interactionId, 'interaction.offered').map((offer) => offer.agentId)).toEqual([grace.id]);
  },
};

export const keptCallbackRefused: ConformanceScenario = {
  title: "kept callback where the vendor cannot keep one: intake naming an agent is refused with core's error, and nothing is created",
  absentFeature: (capabilities) => (capabilities.keptCallbacks === true ? 'capabilities.keptCallbacks is true: the vendor keeps callbacks' : undefined),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    let expected: IccError | undefined;
    try {
      assertMayKeep(ada.id, capabilities);
    } catch (error) {
      if (error instanceof IccError) expected = error;
    }
    if (!expected) throw new Error("core's assertMayKeep allows this request: the scenario does not set up a refusal");
    const identity = run.newIdentity();
    const refused = await run.adapter.requestCallback(run.buildRequest({ queue: run.world.queues.manual, assignedAgentId: ada.id }), identity).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(IccError);
    expect((refused as IccError).toBody()).toEqual(expected.toBody());
    await run.settle();
    expect(run.eventsOf(identity.interactionId)).toEqual([]);
  },
};

export const KEPT_CALLBACK_SCENARIOS: readonly ConformanceScenario[] = [keptCallbackGoesToItsAgent, keptCallbackRefused];
