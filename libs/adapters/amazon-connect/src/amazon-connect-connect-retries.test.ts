import { acceptOffer, eventsOfType, expectInOrder, secondsBetween, startConformanceRun, statesVisited, type ConformanceRun } from '@icc/adapter-kit/conformance';
import { AMAZON_CONNECT_CAPABILITIES } from './amazon-connect-capabilities';
import { createAmazonConnectBench, type AmazonConnectBench } from './amazon-connect-harness';

describe("Connect's own retries of an unanswered queued callback (maxAttempts > 1)", () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;

  beforeEach(async () => {
    run = await startConformanceRun({
      capabilities: AMAZON_CONNECT_CAPABILITIES,
      createHarness: (world) =>
        (bench = createAmazonConnectBench({
          clock: world.clock,
          queues: world.queueList,
          agents: world.agentList,
          config: { maxAttempts: 2, minSecondsBetweenAttempts: 90 },
        })),
    });
  });
  afterEach(() => run.close());

  it('follows the retry contact (linked by initial and previous contact id) back to the queue and an agent', async () => {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(primary, [{ kind: 'no-answer' }, { kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [primary] });
    await acceptOffer(run, interactionId, ada.id);
    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
    // Connect decides on the retry as the dial fails: no-answer is passed through at once.
    const rescheduled = await run.waitForState(interactionId, 'scheduled');
    expectInOrder(statesVisited(run, interactionId), ['dialing', 'no-answer', 'scheduled']);
    const failed = eventsOfType(run, interactionId, 'interaction.dial-failed')[0];
    expect(secondsBetween(failed?.at ?? '', rescheduled.scheduledAt ?? '')).toBe(90);
    expect(eventsOfType(run, interactionId, 'interaction.rescheduled')).toEqual([expect.objectContaining({ by: 'system' })]);

    await acceptOffer(run, interactionId, ada.id, { withinSeconds: 120 });
    expect(eventsOfType(run, interactionId, 'interaction.queued')).toEqual([expect.objectContaining({ cause: 'retry' })]);
    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
    const connected = await run.waitForState(interactionId, 'connected');
    expect(connected.attempts.map((attempt) => attempt.outcome)).toEqual(['no-answer', 'answered']);

    const [first, retry] = [...bench.connect.instance.contacts.values()];
    expect(retry).toMatchObject({ initiationMethod: 'CALLBACK', initialContactId: first?.id, previousContactId: first?.id });
  });
});
