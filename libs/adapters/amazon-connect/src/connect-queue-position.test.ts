import { type ConformanceRun } from '@icc/adapter-kit/conformance';
import type { AmazonConnectAdapter } from './connect-adapter';
import { type AmazonConnectBench } from './testing/amazon-connect-harness';
import { startConnectConformanceRun } from './testing/connect-conformance-run';

/** `GET /v1/callbacks/:id/position` for Connect: GetCurrentMetricData, cached, coalesced, within the quota. */
describe('queuePosition', () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;
  const metricReads = () => bench.connect.requests().filter((request) => request.operation === 'GetCurrentMetricData');
  const position = (callbackId: string) => (run.adapter as AmazonConnectAdapter).queuePosition(callbackId);

  beforeEach(async () => {
    ({ run, bench } = await startConnectConformanceRun());
  });
  afterEach(() => run.close());

  it("ranks a queued callback among the queue's, and estimates its wait from the queue's oldest contact age", async () => {
    const queue = run.world.queues.autoDial;
    const first = await run.request({ queue });
    await run.waitForState(first.interactionId, 'queued');
    await run.passTime(40);
    const second = await run.request({ queue });
    await run.waitForState(second.interactionId, 'queued');
    expect(position(first.callbackId)).toEqual({ position: 1, estimatedWaitSeconds: null });
    await run.settle();
    expect(metricReads()).toHaveLength(1);
    // The first has waited 40 s longer: the head of the queue is ~40 s away for the second, 0 for the first.
    expect(position(first.callbackId)).toEqual({ position: 1, estimatedWaitSeconds: 0 });
    expect(position(second.callbackId)).toEqual({ position: 2, estimatedWaitSeconds: 40 });
    expect(metricReads()).toHaveLength(1);
  });

  it('reads every queue asked for at once in one request, and no queue more often than every 15 s, whoever asks', async () => {
    const asked = [];
    for (const queue of [run.world.queues.manual, run.world.queues.billing]) asked.push(await run.request({ queue }));
    for (const callback of asked) await run.waitForState(callback.interactionId, 'queued');
    for (let ask = 0; ask < 50; ask++) for (const callback of asked) position(callback.callbackId);
    await run.settle();
    expect(metricReads()).toHaveLength(1);
    for (let second = 0; second < 60; second++) {
      for (const callback of asked) position(callback.callbackId);
      await run.passTime(1);
    }
    expect(metricReads()).toHaveLength(4);
    expect(metricReads().map((read) => (read.body as { Filters: { Queues: string[] } }).Filters.Queues)).toEqual(Array(4).fill(['queue-q-conf-manual', 'queue-q-conf-billing']));
  });

  it('has no position for a callback that is not queued, and refuses one it does not know', async () => {
    await run.available(run.world.agents.ada);
    const offered = await run.request({ queue: run.world.queues.autoDial });
    await run.waitForState(offered.interactionId, 'offered');
    expect(position(offered.callbackId)).toEqual({ position: null, estimatedWaitSeconds: null });
    expect(() => position('cb-unknown')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(metricReads()).toHaveLength(0);
  });
});
