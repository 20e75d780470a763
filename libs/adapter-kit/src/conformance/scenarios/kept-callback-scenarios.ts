import { assertMayKeep, IccError } from '@icc/core';
import type { AdapterCapabilities } from '@icc/protocol';
import type { ConformanceRun } from '../conformance-run';
import type { ConformanceScenario } from '../conformance-scenario';
import { eventsOfType, lacksMode } from '../scenario-steps';

/** Where the vendor keeps callbacks: offered to the agent it is kept for only, though another has waited longer. */
async function offeredToItsAgentOnly(run: ConformanceRun): Promise<void> {
  const { ada, grace } = run.world.agents;
  await run.available(ada);
  const { interactionId } = await run.request({ queue: run.world.queues.manual, assignedAgentId: grace.id });
  await run.passTime(60);
  expect(eventsOfType(run, interactionId, 'interaction.offered')).toEqual([]);

  await run.available(grace);
  await run.waitForState(interactionId, 'offered');
  expect(eventsOfType(run, interactionId, 'interaction.offered').map((offer) => offer.agentId)).toEqual([grace.id]);
}

/** Where it cannot: intake naming an agent is refused with core's error (code, message, issue), and nothing is created. */
async function refusedLikeCore(run: ConformanceRun, capabilities: AdapterCapabilities): Promise<void> {
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
}

export const keptCallback: ConformanceScenario = {
  title:
    "kept callback: where the vendor keeps callbacks (keptCallbacks) it is offered to its agent only; where it cannot, intake naming an agent is refused with core's error and nothing is created",
  absentFeature: (capabilities) => lacksMode(capabilities, 'agent-first'),
  async run(run, capabilities) {
    if (capabilities.keptCallbacks === true) await offeredToItsAgentOnly(run);
    else await refusedLikeCore(run, capabilities);
  },
};

export const KEPT_CALLBACK_SCENARIOS: readonly ConformanceScenario[] = [keptCallback];
