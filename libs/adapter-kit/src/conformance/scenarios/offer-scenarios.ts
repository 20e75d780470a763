import type { ConformanceScenario } from '../conformance-scenario';
import { acceptOffer, eventsOfType, lacksMode, secondsBetween } from '../scenario-steps';

export const rejectAndOfferTimeout: ConformanceScenario = {
  title: 'agent reject and offer timeout: the offer moves on to the next available agent',
  absentFeature: (capabilities) => lacksMode(capabilities, 'agent-first'),
  async run(run) {
    const { ada, grace, alan } = run.world.agents;
    const queue = run.world.queues.manual;
    await run.available(ada);
    const { interactionId } = await run.request({ queue });
    await run.waitForState(interactionId, 'offered');
    expect(run.interaction(interactionId).agentId).toBe(ada.id);
    await run.available(grace);

    await run.execute(ada, { type: 'reject', interactionId });
    await run.waitFor(`${interactionId} to be offered to ${grace.id}`, () => run.interaction(interactionId).agentId === grace.id);
    await run.available(alan);

    // Grace lets the offer alert until the queue's offer timeout.
    await run.waitFor(`${interactionId} to be offered to ${alan.id}`, () => run.interaction(interactionId).agentId === alan.id, {
      withinSeconds: queue.offerTimeoutSeconds + 30,
    });
    const declined = eventsOfType(run, interactionId, 'interaction.offer-declined');
    expect(declined.map(({ agentId, cause }) => ({ agentId, cause }))).toEqual([
      { agentId: ada.id, cause: 'rejected' },
      { agentId: grace.id, cause: 'timeout' },
    ]);
    const offers = eventsOfType(run, interactionId, 'interaction.offered');
    expect(offers.map((offer) => offer.agentId)).toEqual([ada.id, grace.id, alan.id]);
    expect(secondsBetween(offers[1]?.at ?? '', declined[1]?.at ?? '')).toBeGreaterThanOrEqual(queue.offerTimeoutSeconds);

    await acceptOffer(run, interactionId, alan.id);
    expect(await run.waitForState(interactionId, 'previewing')).toMatchObject({ agentId: alan.id, declinedBy: [] });
  },
};

export const OFFER_SCENARIOS: readonly ConformanceScenario[] = [rejectAndOfferTimeout];
