import { acceptOffer, eventsOfType, type ConformanceRun } from '@icc/adapter-kit/conformance';
import { IccError } from '@icc/core';
import { type AmazonConnectBench } from './testing/amazon-connect-harness';
import { startConnectConformanceRun } from './testing/connect-conformance-run';

/** The differences issue 15 lists, each against the adapter and the simulator together. */
describe('the callback-task path', () => {
  let run: ConformanceRun;
  let bench: AmazonConnectBench;
  const operations = () => bench.connect.requests().map((request) => request.operation);

  beforeEach(async () => {
    ({ run, bench } = await startConnectConformanceRun());
  });
  afterEach(() => run.close());

  it('dials nobody when a callback is requested or accepted: the agent places the call', async () => {
    const { ada } = run.world.agents;
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.autoDial });
    await acceptOffer(run, interactionId, ada.id);
    await run.passTime(120);
    expect(run.interaction(interactionId).state).toBe('previewing');
    expect(eventsOfType(run, interactionId, 'interaction.accepted')[0]).not.toHaveProperty('autoDialAt');
    expect(operations()).toContain('StartTaskContact');
    expect(operations()).not.toContain('StartOutboundVoiceContact');
    expect([...bench.connect.instance.contacts.values()].map((contact) => contact.channel)).toEqual(['TASK']);
  });

  it("reports the callback task's contact id as vendorRef, on the created event and the interaction", async () => {
    const { interactionId } = await run.request({ queue: run.world.queues.autoDial });
    const [task] = [...bench.connect.instance.contacts.keys()];
    expect(eventsOfType(run, interactionId, 'interaction.created')[0]).toMatchObject({ vendor: 'amazon-connect', vendorRef: task });
    expect(run.interaction(interactionId).vendorRef).toBe(task);
  });

  it("calls another of the customer's numbers from the CCP, without UpdateContact (which only works for external audio contacts)", async () => {
    const { ada } = run.world.agents;
    const { primary, secondary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(secondary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [primary, secondary] });
    await acceptOffer(run, interactionId, ada.id);
    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: secondary });
    await run.waitForState(interactionId, 'connected');
    expect(operations()).not.toContain('UpdateContact');
    const call = [...bench.connect.instance.contacts.values()].find((contact) => contact.channel === 'VOICE');
    expect(call).toMatchObject({ customerAddress: secondary, initiationMethod: 'OUTBOUND' });
    expect(eventsOfType(run, interactionId, 'interaction.dialing')).toEqual([expect.objectContaining({ phoneNumber: secondary, trigger: 'agent' })]);
  });

  it('reports a no-answer from the disconnect reason of the call (TELECOM_*), with no answering-machine status', async () => {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    await run.simulator.scriptCustomer(primary, [{ kind: 'busy' }]);
    await run.available(ada);
    const { interactionId } = await run.request({ queue: run.world.queues.manual, phoneNumbers: [primary] });
    await acceptOffer(run, interactionId, ada.id);
    await run.execute(ada, { type: 'dial', interactionId, phoneNumber: primary });
    const noAnswer = await run.waitForState(interactionId, 'no-answer');
    expect(noAnswer.attempts).toEqual([expect.objectContaining({ outcome: 'busy' })]);
    expect([...bench.connect.instance.contacts.values()].find((contact) => contact.channel === 'VOICE')?.disconnectReason).toBe('TELECOM_BUSY');
  });

  it('refuses a start more than 6 days ahead (StartTaskContact ScheduledTime) with the field path, and sends nothing', async () => {
    const refused = await run
      .request({ queue: run.world.queues.manual, schedule: { type: 'scheduled', start: run.inSeconds(7 * 24 * 3600), windowEnd: run.inSeconds(7 * 24 * 3600 + 3600) } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IccError);
    expect(refused).toMatchObject({ code: 'validation_failed', issues: [expect.objectContaining({ path: ['schedule', 'start'] })] });
    expect(operations()).not.toContain('StartTaskContact');
  });

  it('sends dotted attribute keys of an update as keys Connect accepts', async () => {
    const { callbackId } = await run.request({ queue: run.world.queues.manual });
    await run.adapter.updateCallback(callbackId, { attributes: { 'crm.ticket': 'T-42' } });
    const update = bench.connect.requests().find((request) => request.operation === 'UpdateContactAttributes');
    expect((update?.body as { Attributes: Record<string, string> }).Attributes).toEqual({ crm_ticket: 'T-42' });
  });
});
