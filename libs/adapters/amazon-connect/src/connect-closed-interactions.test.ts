import { signWebhookPayload } from '@icc/adapter-kit';
import { acceptOffer, endAndWrapUp, type ConformanceRun } from '@icc/adapter-kit/conformance';
import { HARNESS_WEBHOOK_SECRET, type AmazonConnectBench } from './testing/amazon-connect-harness';
import { startConnectConformanceRun } from './testing/connect-conformance-run';

/**
 * A delivered body sent again under a new event id, signed now: what reaches the adapter when an
 * event arrives late, or a redelivery comes after its id left the window of recent event ids.
 */
function lateCopy(rawBody: string, now: number, copy: number) {
  const event = JSON.parse(rawBody) as Record<string, unknown>;
  const idField = 'EventId' in event ? 'EventId' : 'id';
  const body = JSON.stringify({ ...event, [idField]: `late-${copy}-${String(event[idField])}` });
  const timestamp = String(Math.floor(now / 1000));
  return {
    headers: { 'x-icc-timestamp': timestamp, 'x-icc-signature': signWebhookPayload({ secret: HARNESS_WEBHOOK_SECRET, timestamp, rawBody: body, signaturePrefix: 'v1=' }) },
    rawBody: body,
  };
}

describe('closed interactions', () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;

  beforeEach(async () => {
    ({ run, bench } = await startConnectConformanceRun());
  });
  afterEach(() => run.close());

  /** Cancelled while queued, answered and wrapped up, closed by the agent after no answer. */
  async function closeThreeCallbacks(): Promise<void> {
    const { ada } = run.world.agents;
    const { primary, secondary } = run.world.phoneNumbers;
    const manual = run.world.queues.manual;
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.simulator.scriptCustomer(secondary, [{ kind: 'no-answer' }]);

    const cancelled = await run.request({ queue: manual, phoneNumbers: [primary] });
    await run.adapter.cancelCallback(cancelled.callbackId, 'api', 'The customer called back on their own');

    await run.available(ada);
    const answered = await run.request({ queue: manual, phoneNumbers: [primary] });
    await acceptOffer(run, answered.interactionId, ada.id);
    await run.execute(ada, { type: 'dial', interactionId: answered.interactionId, phoneNumber: primary });
    await run.waitForState(answered.interactionId, 'connected');
    // The callback task and the call the agent placed.
    expect(bench.adapter.diagnostics()).toMatchObject({ tracked: 1, contacts: 2 });
    await endAndWrapUp(run, answered.interactionId);

    const unanswered = await run.request({ queue: manual, phoneNumbers: [secondary] });
    await acceptOffer(run, unanswered.interactionId, ada.id);
    await run.execute(ada, { type: 'dial', interactionId: unanswered.interactionId, phoneNumber: secondary });
    await run.waitForState(unanswered.interactionId, 'no-answer');
    await run.execute(ada, { type: 'close-callback', interactionId: unanswered.interactionId });
    await run.settle();

    const outcomes = [cancelled, answered, unanswered].map(({ interactionId }) => run.interaction(interactionId).outcome);
    expect(outcomes).toEqual(['cancelled', 'completed', 'no-answer']);
  }

  it('forgets an interaction, its callback and its contacts once it is closed', async () => {
    await closeThreeCallbacks();
    expect(bench.adapter.diagnostics()).toMatchObject({ tracked: 0, contacts: 0 });
  });

  it('skips late and repeated events about the contacts of closed interactions, without reading them back', async () => {
    await closeThreeCallbacks();
    const eventsBefore = run.sink.events.length;
    const requestsBefore = bench.connect.requests().length;
    const warningsBefore = run.logger.entries.filter((entry) => entry.level !== 'debug' && entry.level !== 'info').length;

    for (const [copy, rawBody] of [...bench.connect.delivery.delivered].entries()) {
      await expect(bench.adapter.ingest(lateCopy(rawBody, Date.now(), copy))).resolves.toEqual([]);
    }
    await run.passTime(30);

    expect(bench.adapter.diagnostics()).toMatchObject({ tracked: 0, contacts: 0, factsAfterClose: expect.any(Number) });
    expect(bench.adapter.diagnostics().factsAfterClose).toBeGreaterThan(0);
    expect(run.sink.events).toHaveLength(eventsBefore);
    expect(bench.connect.requests().slice(requestsBefore)).toEqual([]);
    expect(run.logger.entries.filter((entry) => entry.level !== 'debug' && entry.level !== 'info')).toHaveLength(warningsBefore);
  });

  it('still knows a closed callback by its id: the same request again is a no-op, another one a conflict', async () => {
    const request = run.buildRequest({ queue: run.world.queues.manual });
    const identity = run.newIdentity();
    await run.adapter.requestCallback(request, identity);
    await run.adapter.cancelCallback(identity.callbackId, 'api');
    await run.settle();
    expect(bench.adapter.diagnostics().tracked).toBe(0);

    await expect(run.adapter.requestCallback(request, identity)).resolves.toEqual([]);
    await expect(run.adapter.requestCallback(request, { ...identity, number: 'CB9999999' })).rejects.toMatchObject({ code: 'idempotency_conflict' });
    await expect(run.adapter.updateCallback(identity.callbackId, { notes: 'Too late' })).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(bench.connect.requests().filter((sent) => sent.operation === 'StartTaskContact')).toHaveLength(1);
  });
});
