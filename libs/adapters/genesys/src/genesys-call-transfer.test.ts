import type { Models } from 'purecloud-platform-client-v2';
import { createGenesysAdapter } from './genesys-adapter';
import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

/** Issue 14 item 3: blind and consult transfer of the live call, on the Genesys wire and in ICC. */
describe('live call transfer', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  async function adaOnTheCall() {
    sandbox = await startSandbox();
    const { ada, grace } = sandbox.world.agents;
    await sandbox.adapter.setPresence(ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    await sandbox.adapter.execute(ada.id, { type: 'accept', interactionId: 'ix-1' });
    await sandbox.adapter.execute(ada.id, { type: 'dial', interactionId: 'ix-1', phoneNumber: sandbox.world.phoneNumbers.primary });
    await sandbox.settle();
    sandbox.world.clock.advance(10_000);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'connected', agentId: ada.id });
    await sandbox.adapter.setPresence(grace.id, 'available');
    await sandbox.settle();
    return { ada, grace, conversationId: sandbox.sink.interaction('ix-1')?.vendorRef as string };
  }
  const agentCalls = (conversationId: string) =>
    (sandbox.simulator.conversation(conversationId)?.participants ?? [])
      .filter((participant) => participant.purpose === 'agent')
      .map((participant) => ({ userId: participant.userId, state: participant.calls?.at(-1)?.state, disconnectType: participant.calls?.at(-1)?.disconnectType }));
  const bodyOf = (endpoint: string) => sandbox.simulator.requests().find((request) => request.endpoint === endpoint && request.issues.length === 0)?.body;

  it('blind: replace/agent moves the call to the other agent, who then handles it', async () => {
    const { ada, grace, conversationId } = await adaOnTheCall();
    await sandbox.adapter.execute(ada.id, { type: 'transfer-call', interactionId: 'ix-1', agentId: grace.id });
    await sandbox.settle();
    expect(bodyOf('POST /api/v2/conversations/{conversationId}/participants/{participantId}/replace/agent')).toEqual({ userId: sandbox.config.userMap[grace.id] } satisfies Models.TransferToAgentRequest);
    expect(agentCalls(conversationId)).toEqual([
      { userId: sandbox.config.userMap[ada.id], state: 'disconnected', disconnectType: 'transfer' },
      { userId: sandbox.config.userMap[grace.id], state: 'connected' },
    ]);
    expect(sandbox.sink.events.find((event) => event.type === 'interaction.call-transferred')).toMatchObject({ fromAgentId: ada.id, toAgentId: grace.id, method: 'blind' });
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'connected', agentId: grace.id });

    await sandbox.adapter.execute(grace.id, { type: 'hold', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('on-hold');
    await expect(sandbox.adapter.execute(ada.id, { type: 'resume', interactionId: 'ix-1' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(sandbox.sink.violations).toEqual([]);
  });

  it('consult, merge, then leave: the consulted agent keeps the call', async () => {
    const { ada, grace, conversationId } = await adaOnTheCall();
    await sandbox.adapter.execute(ada.id, { type: 'consult-call', interactionId: 'ix-1', agentId: grace.id });
    await sandbox.settle();
    expect(bodyOf('POST /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult/agent')).toMatchObject({ speakTo: 'DESTINATION', userId: sandbox.config.userMap[grace.id] });
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'connected', agentId: ada.id, call: { consultAgentId: grace.id } });
    expect(sandbox.sink.events.filter((event) => event.type === 'interaction.offered')).toHaveLength(1);

    await sandbox.adapter.execute(ada.id, { type: 'mute', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.call.muted).toBe(true);
    await sandbox.adapter.execute(ada.id, { type: 'merge-calls', interactionId: 'ix-1' });
    await sandbox.adapter.execute(ada.id, { type: 'leave-and-transfer', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(bodyOf('PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult')).toEqual({ speakTo: 'CONFERENCE' });
    expect(agentCalls(conversationId).map((call) => [call.state, call.disconnectType])).toEqual([
      ['disconnected', 'transfer'],
      ['connected', undefined],
    ]);
    expect(sandbox.sink.events.filter((event) => event.type === 'interaction.consult-ended' || event.type === 'interaction.call-transferred')).toMatchObject([
      { type: 'interaction.consult-ended', result: 'merged' },
      { type: 'interaction.call-transferred', fromAgentId: ada.id, toAgentId: grace.id, method: 'consult' },
    ]);
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'connected', agentId: grace.id });
    await sandbox.adapter.execute(grace.id, { type: 'end-call', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('wrap-up');
    expect(sandbox.sink.violations).toEqual([]);
  });

  it('cancel consult: DELETE …/consult ends the consulted leg; the first agent keeps handling the call', async () => {
    const { ada, grace, conversationId } = await adaOnTheCall();
    await sandbox.adapter.execute(ada.id, { type: 'consult-call', interactionId: 'ix-1', agentId: grace.id });
    await sandbox.settle();
    await sandbox.adapter.execute(ada.id, { type: 'cancel-consult', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(sandbox.simulator.requests().some((request) => request.endpoint === 'DELETE /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult')).toBe(true);
    expect(agentCalls(conversationId).map((call) => call.state)).toEqual(['connected', 'disconnected']);
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'connected', agentId: ada.id });
    expect(sandbox.sink.interaction('ix-1')?.call.consultAgentId).toBeUndefined();
    await sandbox.adapter.execute(ada.id, { type: 'hold', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('on-hold');
  });

  it('refuses a transfer to the agent themselves or to an agent Genesys does not know, sending nothing', async () => {
    const { ada } = await adaOnTheCall();
    const sent = sandbox.simulator.requests().length;
    await expect(sandbox.adapter.execute(ada.id, { type: 'transfer-call', interactionId: 'ix-1', agentId: ada.id })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(sandbox.adapter.execute(ada.id, { type: 'consult-call', interactionId: 'ix-1', agentId: 'agent-nobody' })).rejects.toMatchObject({ code: 'not_found' });
    expect(sandbox.simulator.requests()).toHaveLength(sent);
  });
});

describe('callback transfer across a restart', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('the receiving interaction takes the conversation again, whatever order the store lists them in', async () => {
    sandbox = await startSandbox();
    const { world, sink, logger } = sandbox;
    const { ada, grace } = world.agents;
    await sandbox.adapter.setPresence(ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    await sandbox.adapter.execute(ada.id, { type: 'accept', interactionId: 'ix-1' });
    await sandbox.settle();
    await sandbox.adapter.execute(ada.id, { type: 'transfer-callback', interactionId: 'ix-1', target: { kind: 'agent', agentId: grace.id } });
    await sandbox.settle();
    const receivingId = sink.interaction('ix-1')?.transfer?.toInteractionId as string;
    await sandbox.adapter.stop();

    const restarted = createGenesysAdapter(sandbox.config, { random: () => 0.5 });
    const openInteractions = [sink.interaction(receivingId), sink.interaction('ix-1')].filter((view) => view !== undefined);
    await restarted.start({ sink, clock: world.clock, logger, queues: world.queueList, agents: world.agentList, openInteractions, getCallback: (id) => sink.callback(id) });
    try {
      await restarted.setPresence(grace.id, 'available');
      await sandbox.settle();
      for (let turn = 0; turn < 50 && sink.interaction(receivingId)?.state !== 'offered'; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(sink.interaction(receivingId)).toMatchObject({ state: 'offered', agentId: grace.id });
      await restarted.execute(grace.id, { type: 'accept', interactionId: receivingId });
      for (let turn = 0; turn < 50 && sink.interaction('ix-1')?.state !== 'closed'; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'transferred' });
      expect(sink.violations).toEqual([]);
    } finally {
      await restarted.stop();
    }
  });
});
