import { acceptOffer, eventsOfType, type ConformanceRun } from '@icc/adapter-kit/conformance';
import { connectUserIdFor, type AmazonConnectBench } from './testing/amazon-connect-harness';
import { startConnectConformanceRun } from './testing/connect-conformance-run';

describe('Retry call right after a failed dial, while another callback waits in the queue', () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;

  beforeEach(async () => {
    ({ run, bench } = await startConnectConformanceRun());
  });
  afterEach(() => run.close());

  /** Ada's dial to the primary number is not answered; a second callback waits for a free agent meanwhile. */
  async function failedDialWithCallbackWaiting(): Promise<{ failedId: string; waitingId: string }> {
    const { ada } = run.world.agents;
    const { primary, secondary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(primary, [{ kind: 'no-answer' }, { kind: 'answer', afterSeconds: 3 }]);
    await run.simulator.scriptCustomer(secondary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId: failedId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [primary] });
    await acceptOffer(run, failedId, ada.id);
    await run.execute(ada, { type: 'dial', interactionId: failedId, phoneNumber: primary });
    await run.waitForState(failedId, 'no-answer');
    const { interactionId: waitingId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [secondary] });
    await run.settle();
    expect(run.interaction(waitingId).state).toBe('queued');
    return { failedId, waitingId };
  }

  it('places the new call at once: Connect routes nothing into the slot the failed contact frees', async () => {
    const { ada } = run.world.agents;
    const { failedId, waitingId } = await failedDialWithCallbackWaiting();

    await run.execute(ada, { type: 'redial', interactionId: failedId });

    expect(eventsOfType(run, failedId, 'interaction.dialing')).toEqual([
      expect.objectContaining({ attempt: 1 }),
      expect.objectContaining({ attempt: 2, trigger: 'agent' }),
    ]);
    await run.waitForState(failedId, 'connected');
    expect(run.interaction(waitingId).state).toBe('queued');
  });

  it('makes Ada routable again once the redialed call is wrapped up, so the waiting callback reaches her', async () => {
    const { ada } = run.world.agents;
    const { failedId, waitingId } = await failedDialWithCallbackWaiting();
    await run.execute(ada, { type: 'redial', interactionId: failedId });
    await run.waitForState(failedId, 'connected');

    await run.execute(ada, { type: 'end-call', interactionId: failedId });
    await run.waitForState(failedId, 'wrap-up');
    await run.execute(ada, { type: 'submit-wrap-up', interactionId: failedId, wrapUp: { reason: 'resolved', notes: '' } });

    await acceptOffer(run, waitingId, ada.id);
    expect(bench.connect.instance.users.get(connectUserIdFor(ada.id))?.statusId).toBe('agent-status-available');
  });
});
