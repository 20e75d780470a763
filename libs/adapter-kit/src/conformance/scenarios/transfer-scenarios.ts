import type { Agent, TransferTarget } from '@icc/protocol';
import type { ConformanceRun } from '../conformance-run';
import type { ConformanceScenario } from '../conformance-scenario';
import { acceptOffer, lacks, lacksMode, onlyEvent } from '../scenario-steps';

const absentTransfer = (capabilities: Parameters<NonNullable<ConformanceScenario['absentFeature']>>[0]) =>
  lacksMode(capabilities, 'agent-first') ?? lacks(capabilities, 'transferCallback');

/** Ada accepts a callback and transfers it before dialing; resolves with both interactions' ids. */
async function transferFromAda(run: ConformanceRun, target: TransferTarget) {
  const { ada } = run.world.agents;
  await run.available(ada);
  const { interactionId: sourceId, callbackId } = await run.request({ queue: run.world.queues.manual });
  await acceptOffer(run, sourceId, ada.id);
  await run.waitForState(sourceId, 'previewing');
  await run.execute(ada, { type: 'transfer-callback', interactionId: sourceId, target });
  await run.waitForState(sourceId, 'transferring');
  const requested = onlyEvent(run, sourceId, 'interaction.transfer-requested');
  expect(requested.target).toEqual(target);
  const receivingId = requested.toInteractionId;
  await run.waitFor(`the receiving interaction ${receivingId} to exist`, () => run.sink.interaction(receivingId) !== undefined);
  expect(run.interaction(receivingId)).toMatchObject({ callbackId, transferredFrom: sourceId });
  return { sourceId, receivingId, callbackId };
}

async function receiverAccepts(run: ConformanceRun, ids: { sourceId: string; receivingId: string; callbackId: string }, receiver: Agent) {
  await acceptOffer(run, ids.receivingId, receiver.id);
  expect(await run.waitForState(ids.receivingId, 'previewing')).toMatchObject({ agentId: receiver.id });
  const source = await run.waitForState(ids.sourceId, 'closed');
  expect(source.outcome).toBe('transferred');
  expect(run.sink.callback(ids.callbackId)).toMatchObject({ interactionId: ids.receivingId, state: 'in-progress' });
}

export const transferToQueue: ConformanceScenario = {
  title: "Transfer callback to another queue: the receiver's accept closes the sender's interaction as transferred",
  absentFeature: absentTransfer,
  async run(run) {
    const { billing } = run.world.queues;
    const ids = await transferFromAda(run, { kind: 'queue', queueId: billing.id });
    expect(run.interaction(ids.receivingId).queueId).toBe(billing.id);
    await run.available(run.world.agents.grace);
    await receiverAccepts(run, ids, run.world.agents.grace);
    expect(run.sink.callback(ids.callbackId)?.queueId).toBe(billing.id);
  },
};

export const transferToAgent: ConformanceScenario = {
  title: 'Transfer callback to an agent: offered to that agent only, who accepts',
  absentFeature: absentTransfer,
  async run(run) {
    const { grace, alan } = run.world.agents;
    const ids = await transferFromAda(run, { kind: 'agent', agentId: grace.id });
    await run.available(alan, grace);
    await receiverAccepts(run, ids, grace);
    expect(run.eventsOf(ids.receivingId).some((event) => event.type === 'interaction.offered' && event.agentId === alan.id)).toBe(false);
  },
};

export const cancelTransfer: ConformanceScenario = {
  title: 'Cancel callback transfer: the callback returns to the sending agent, the receiving side closes',
  absentFeature: absentTransfer,
  async run(run) {
    const { ada, grace } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const ids = await transferFromAda(run, { kind: 'queue', queueId: run.world.queues.billing.id });
    await run.execute(ada, { type: 'cancel-transfer', interactionId: ids.sourceId });
    await run.waitForState(ids.sourceId, 'previewing');
    expect(await run.waitForState(ids.receivingId, 'closed')).toMatchObject({ outcome: 'cancelled' });
    expect(run.sink.callback(ids.callbackId)).toMatchObject({ interactionId: ids.sourceId, state: 'in-progress' });

    await run.available(grace);
    await run.passTime(10);
    expect(run.interaction(ids.receivingId).state).toBe('closed');
    await run.simulator.scriptCustomer(primary, [{ kind: 'answer', afterSeconds: 3 }]);
    await run.execute(ada, { type: 'dial', interactionId: ids.sourceId, phoneNumber: primary });
    await run.waitForState(ids.sourceId, 'connected');
  },
};

export const TRANSFER_SCENARIOS: readonly ConformanceScenario[] = [transferToQueue, transferToAgent, cancelTransfer];
