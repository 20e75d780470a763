import { EXAMPLE_PHONE_NUMBERS } from '@icc/protocol';
import type { ConformanceScenario } from '../conformance-scenario';
import { acceptOffer, connectCall, lacks, onlyEvent } from '../scenario-steps';

export const transferLiveCallToQueue: ConformanceScenario = {
  title: 'Transfer a live call to a queue: the agent leaves, the customer waits on the line and the next agent there takes it',
  absentFeature: (capabilities) => lacks(capabilities, 'transferCall', 'transferCallToQueue'),
  async run(run, capabilities) {
    const { ada, grace } = run.world.agents;
    const { billing } = run.world.queues;
    const interactionId = await connectCall(run, capabilities);
    await run.available(grace);
    await run.execute(ada, { type: 'transfer-call', interactionId, target: { kind: 'queue', queueId: billing.id } });
    expect(onlyEvent(run, interactionId, 'interaction.call-requeued')).toMatchObject({ fromAgentId: ada.id, queueId: billing.id });
    await acceptOffer(run, interactionId, grace.id);
    expect(await run.waitForState(interactionId, 'connected')).toMatchObject({ agentId: grace.id, queueId: billing.id });
  },
};

export const transferLiveCallExternally: ConformanceScenario = {
  title: 'Transfer a live call to an outside number: it leaves ICC, the agent wraps up and it closes as transferred',
  absentFeature: (capabilities) => lacks(capabilities, 'transferCall', 'transferCallExternal'),
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const interactionId = await connectCall(run, capabilities);
    const outside = EXAMPLE_PHONE_NUMBERS.gb;
    await run.execute(ada, { type: 'transfer-call', interactionId, target: { kind: 'external', phoneNumber: outside } });
    expect(await run.waitForState(interactionId, 'wrap-up')).toMatchObject({ transferredToNumber: outside, customerOnLine: false });
    await run.execute(ada, { type: 'submit-wrap-up', interactionId, wrapUp: { reason: 'resolved', notes: 'Handed over.' } });
    expect(await run.waitForState(interactionId, 'closed')).toMatchObject({ outcome: 'transferred', transferredToNumber: outside });
  },
};

export const LIVE_CALL_TRANSFER_SCENARIOS: readonly ConformanceScenario[] = [transferLiveCallToQueue, transferLiveCallExternally];
