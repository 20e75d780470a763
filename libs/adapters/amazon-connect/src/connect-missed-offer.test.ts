import { type ConformanceRun } from '@icc/adapter-kit/conformance';
import type { IccEvent } from '@icc/protocol';
import { type AmazonConnectBench } from './testing/amazon-connect-harness';
import { startConnectConformanceRun } from './testing/connect-conformance-run';

/** A missed offer at Connect: MISSED stays on the agent's CCP (Streams `MissedCallAgent`) until dismissed. */
describe('an offer the agent lets time out', () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;
  const presenceOf = (agentId: string) =>
    run.sink.events.flatMap((event: IccEvent) => (event.type === 'agent.presence-changed' && event.agentId === agentId ? [event.presence] : []));

  beforeEach(async () => {
    ({ run, bench } = await startConnectConformanceRun());
  });
  afterEach(() => run.close());

  it('makes the agent not-responding; choosing Available dismisses the missed contact and the offer comes back', async () => {
    const { ada } = run.world.agents;
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.autoDial });
    await run.waitForState(interactionId, 'offered');
    await run.waitFor('the offer to time out', () => presenceOf(ada.id).includes('not-responding'));
    expect(run.interaction(interactionId)).toMatchObject({ state: 'queued' });
    const timedOut = run.sink.events.find((event) => event.type === 'interaction.offer-declined');
    expect(timedOut).toMatchObject({ agentId: ada.id, cause: 'timeout' });
    // Out of routing at Connect: the callback waits however long.
    await run.passTime(120);
    expect(run.interaction(interactionId).state).toBe('queued');

    await run.adapter.setPresence(ada.id, 'available');
    const user = bench.connect.instance.users.get(`user-${ada.id}`);
    expect(bench.connect.requests().map((request) => request.operation)).toEqual(expect.arrayContaining(['DismissUserContact', 'PutUserStatus']));
    expect(user?.missed).toBeUndefined();
    expect(presenceOf(ada.id).slice(-2)).toEqual(['not-responding', 'available']);
    await run.waitForState(interactionId, 'offered');
    expect(run.interaction(interactionId).agentId).toBe(ada.id);
  });

  it('leaves an agent who rejected the offer as they were', async () => {
    const { ada } = run.world.agents;
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.autoDial });
    await run.waitForState(interactionId, 'offered');
    await run.execute(ada, { type: 'reject', interactionId });
    await run.passTime(5);
    expect(presenceOf(ada.id)).toEqual(['available']);
    expect(bench.connect.instance.users.get(`user-${ada.id}`)?.missed).toBeUndefined();
  });
});
