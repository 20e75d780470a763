import { exampleCreateCallbackRequest, exampleCustomer, type AgentCommand, type InteractionState } from '@icc/protocol';
import { SIMULATOR_REQUEST_SCHEMAS } from './genesys-simulator/simulator-request-schemas';
import { startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

/**
 * The contract between adapter and simulator: every request the adapter sends, on every
 * endpoint the simulator serves, matches the simulator's own schema of that endpoint (written from
 * the API reference, not from the adapter's types).
 */
describe('adapter ↔ simulator request contract', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('every request validates against the endpoint schema, and every endpoint is used', async () => {
    sandbox = await startSandbox();
    const { world, adapter } = sandbox;
    const { ada } = world.agents;
    const { primary } = world.phoneNumbers;
    let sequence = 0;
    const request = async () => {
      sequence += 1;
      const identity = { callbackId: `cb-${sequence}`, interactionId: `ix-${sequence}`, number: `CB000000${sequence}` };
      await adapter.requestCallback(
        exampleCreateCallbackRequest({ queueId: world.queues.manual.id, customer: exampleCustomer({ phoneNumbers: [primary] }) }),
        identity,
      );
      await sandbox.settle();
      return identity;
    };
    const until = async (interactionId: string, state: InteractionState) => {
      for (let second = 0; second < 120 && sandbox.sink.interaction(interactionId)?.state !== state; second++) {
        world.clock.advance(1_000);
        await sandbox.settle();
      }
      expect(sandbox.sink.interaction(interactionId)?.state).toBe(state);
    };
    const run = async (command: AgentCommand) => {
      await adapter.execute(ada.id, command);
      await sandbox.settle();
    };

    await adapter.setPresence(ada.id, 'available');
    const first = await request();
    await until(first.interactionId, 'offered');
    await adapter.updateCallback(first.callbackId, { shortDescription: 'Router replaced under warranty' });
    await run({ type: 'reject', interactionId: first.interactionId });
    await until(first.interactionId, 'offered');
    await run({ type: 'accept', interactionId: first.interactionId });
    await run({ type: 'dial', interactionId: first.interactionId, phoneNumber: primary });
    await until(first.interactionId, 'connected');
    for (const type of ['hold', 'resume', 'mute', 'unmute', 'record-start', 'record-stop'] as const) await run({ type, interactionId: first.interactionId });
    const { grace } = world.agents;
    await adapter.setPresence(grace.id, 'available');
    await run({ type: 'consult-call', interactionId: first.interactionId, agentId: grace.id });
    await run({ type: 'cancel-consult', interactionId: first.interactionId });
    await run({ type: 'consult-call', interactionId: first.interactionId, agentId: grace.id });
    await run({ type: 'merge-calls', interactionId: first.interactionId });
    await run({ type: 'leave-and-transfer', interactionId: first.interactionId });
    await adapter.execute(grace.id, { type: 'transfer-call', interactionId: first.interactionId, agentId: ada.id });
    await sandbox.settle();
    expect(sandbox.sink.interaction(first.interactionId)).toMatchObject({ state: 'connected', agentId: ada.id });
    await adapter.setPresence(grace.id, 'away');
    await run({ type: 'send-dtmf', interactionId: first.interactionId, digits: '1#' });
    await run({ type: 'end-call', interactionId: first.interactionId });
    await run({ type: 'submit-wrap-up', interactionId: first.interactionId, wrapUp: { reason: 'resolved', notes: 'Done.' } });
    await until(first.interactionId, 'closed');

    const second = await request();
    await until(second.interactionId, 'offered');
    await run({ type: 'accept', interactionId: second.interactionId });
    await run({ type: 'close-callback', interactionId: second.interactionId, notes: 'Solved by email meanwhile.' });
    expect(sandbox.sink.interaction(second.interactionId)?.state).toBe('closed');

    const transferred = await request();
    await until(transferred.interactionId, 'offered');
    await run({ type: 'accept', interactionId: transferred.interactionId });
    await run({ type: 'transfer-callback', interactionId: transferred.interactionId, target: { kind: 'queue', queueId: world.queues.billing.id } });
    await run({ type: 'cancel-transfer', interactionId: transferred.interactionId });
    await run({ type: 'close-callback', interactionId: transferred.interactionId });
    expect(sandbox.sink.interaction(transferred.interactionId)?.state).toBe('closed');

    await adapter.setPresence(ada.id, 'away');
    const third = await request();
    adapter.queuePosition(third.callbackId);
    await sandbox.settle();
    await adapter.reschedule(third.callbackId, { start: new Date(world.clock.now() + 3_600_000).toISOString() }, 'api');
    await adapter.cancelCallback(third.callbackId, 'api', 'Customer called in');
    await sandbox.settle();

    const requests = sandbox.simulator.requests();
    expect(requests.filter((each) => each.issues.length > 0)).toEqual([]);
    const used = new Set(requests.map((each) => each.endpoint));
    expect(Object.keys(SIMULATOR_REQUEST_SCHEMAS).filter((endpoint) => !used.has(endpoint as never))).toEqual([]);
    expect(sandbox.sink.violations).toEqual([]);
    // A long scenario of real sockets and msw answers: on a busy machine it outlasts jest's 5 s default.
  }, 30_000);
});
