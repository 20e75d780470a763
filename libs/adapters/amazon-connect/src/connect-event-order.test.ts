import { acceptOffer, eventsOfType, statesVisited } from '@icc/adapter-kit/conformance';
import fc from 'fast-check';
import { startConnectConformanceRun, type ConnectConformanceRun } from './testing/connect-conformance-run';
import type { WebhookDelivery } from './amazon-connect-simulator/event-delivery';

type Pushed = Record<string, unknown> & {
  detail?: { eventType?: string; channel?: string };
  CurrentAgentSnapshot?: { Contacts?: Array<{ State?: string; Channel?: string }> };
};
/** Contact events about the call the agent places (not about the callback task). */
const callEvent = (...types: string[]) => (event: Pushed) => event.detail?.channel === 'VOICE' && types.includes(event.detail.eventType ?? '');
const agentCallState = (state: string) => (event: Pushed) => event.CurrentAgentSnapshot?.Contacts?.[0]?.Channel === 'VOICE' && event.CurrentAgentSnapshot.Contacts[0].State === state;

/** Ada takes a manual-dial callback to the primary number and presses Call number. */
async function dialAsAda({ run }: ConnectConformanceRun): Promise<string> {
  const { ada } = run.world.agents;
  await run.available(ada);
  const { interactionId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [run.world.phoneNumbers.primary] });
  await acceptOffer(run, interactionId, ada.id);
  await run.execute(ada, { type: 'dial', interactionId, phoneNumber: run.world.phoneNumbers.primary });
  return interactionId;
}

const describeContactCalls = ({ bench }: ConnectConformanceRun) => bench.connect.requests().filter((request) => request.operation === 'DescribeContact').length;

describe('contact events lost, duplicated or out of order', () => {
  let started: ConnectConformanceRun;
  afterEach(() => started.run.close());

  it('reads a dial back with DescribeContact when every event about its answer was lost', async () => {
    started = await startConnectConformanceRun();
    const { run, bench } = started;
    await run.simulator.scriptCustomer(run.world.phoneNumbers.primary, [{ kind: 'answer', afterSeconds: 3 }]);
    bench.connect.delivery.dropNext(2, callEvent('CONNECTED_TO_SYSTEM', 'CONNECTED_TO_AGENT'));
    bench.connect.delivery.dropNext(1, agentCallState('CONNECTED'));
    const interactionId = await dialAsAda(started);

    await run.passTime(60);
    expect(run.interaction(interactionId).state).toBe('dialing');
    expect(describeContactCalls(started)).toBe(0);
    const connected = await run.waitForState(interactionId, 'connected', { withinSeconds: 60 });
    expect(describeContactCalls(started)).toBe(1);
    expect(connected.attempts).toEqual([expect.objectContaining({ outcome: 'answered' })]);
  });

  it('reads a failed dial back at once when only the agent stream reported its end (which does not say why)', async () => {
    started = await startConnectConformanceRun();
    const { run, bench } = started;
    await run.simulator.scriptCustomer(run.world.phoneNumbers.primary, [{ kind: 'busy' }]);
    bench.connect.delivery.dropNext(1, callEvent('DISCONNECTED'));
    const interactionId = await dialAsAda(started);

    const noAnswer = await run.waitForState(interactionId, 'no-answer', { withinSeconds: 10 });
    expect(noAnswer.attempts).toEqual([expect.objectContaining({ outcome: 'busy' })]);
    expect(describeContactCalls(started)).toBe(1);
  });

  it('applies a call the same way whatever order, and however often, its events arrive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { minLength: 24, maxLength: 24 }), fc.boolean(), async (sortKeys, duplicate) => {
        started = await startConnectConformanceRun();
        const { run, bench } = started;
        try {
          const { ada } = run.world.agents;
          const { primary } = run.world.phoneNumbers;
          await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3, hangUpAfterSeconds: 20 }]);
          await run.available(ada);
          const { interactionId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [primary] });
          await acceptOffer(run, interactionId, ada.id);

          // Everything Connect says from here (the task completed, the call placed, answered, hung up) is held back, then shuffled.
          const held: WebhookDelivery[] = [];
          bench.connect.delivery.setTarget({ deliver: async (delivery) => void held.push(delivery) });
          await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
          await run.passTime(40);
          expect(held.length).toBeGreaterThanOrEqual(6);
          const shuffled = held.map((delivery, index) => ({ delivery, key: sortKeys[index % sortKeys.length] ?? 0 })).sort((a, b) => a.key - b.key);
          for (const { delivery } of duplicate ? [...shuffled, ...shuffled.slice().reverse()] : shuffled) await bench.adapter.ingest(delivery);
          await run.settle();

          expect(bench.adapter.ingestCounters.duplicates).toBe(duplicate ? held.length : 0);
          expect(run.interaction(interactionId).state).toBe('wrap-up');
          expect(eventsOfType(run, interactionId, 'interaction.dialing')).toEqual([expect.objectContaining({ trigger: 'agent' })]);
          expect(eventsOfType(run, interactionId, 'interaction.customer-answered')).toHaveLength(1);
          expect(eventsOfType(run, interactionId, 'interaction.call-ended')).toEqual([expect.objectContaining({ by: 'customer' })]);
          expect(statesVisited(run, interactionId)).toEqual(['queued', 'offered', 'previewing', 'dialing', 'connected', 'wrap-up']);
        } finally {
          await run.close();
        }
      }),
      { numRuns: 12 },
    );
    // Each run places the call through the CCP (HTTP to the simulator): slower than the default 5 s for 12 runs.
  }, 60_000);
});
