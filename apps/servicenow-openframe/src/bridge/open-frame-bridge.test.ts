import { createInteractionStore, IccApiError } from '@icc/client';
import {
  exampleAgent,
  exampleCapabilities,
  exampleInteraction,
  exampleQueueConfig,
  exampleSnapshotFrame,
  exampleWelcomeFrame,
  type AgentCommand,
  type Interaction,
} from '@icc/protocol';
import type { OpenFrameApi } from '../contract/open-frame-api';
import { createRecorder } from '../harness/recorder';
import { controlAction, workItemAccepted, wrapUpSubmitted } from '../harness/documented-payloads';
import type { BridgeSession } from './bridge-session';
import { startOpenFrameBridge } from './open-frame-bridge';

/** openFrameAPI as the harness records it: every call checked against the documented schemas. */
function recordingApi() {
  const recorder = createRecorder();
  const subscribers = new Map<string, (payload: unknown) => void>();
  const api: OpenFrameApi = {
    init: () => undefined,
    setICContext: (...args) => recorder.record({ method: 'setICContext', args }),
    subscribe: (event, callback) => void subscribers.set(event, callback),
    toastMessage: (...args) => recorder.record({ method: 'toastMessage', args }),
    setPresenceIndicator: () => undefined,
    setSubtitle: () => undefined,
  };
  const fire = (event: string, payload: unknown) => subscribers.get(event)?.(payload);
  return { api, recorder, fire };
}

/** A session over a real @icc/client store; the gateway's answers are scripted per command. */
function scriptedSession(answer: (command: AgentCommand) => Interaction | IccApiError) {
  const store = createInteractionStore();
  const sent: AgentCommand[] = [];
  store.apply(exampleWelcomeFrame({ capabilities: exampleCapabilities() }));
  const session: BridgeSession = {
    getState: store.getState,
    subscribe: store.subscribe,
    async sendCommand(command) {
      sent.push(command);
      const result = answer(command);
      if (result instanceof IccApiError) throw result;
      store.upsertInteraction(result);
      return result;
    },
    listAgents: async () => [exampleAgent(), exampleAgent({ id: 'agent-grace', displayName: 'Grace Hopper' })],
    setPresence: async () => undefined,
  };
  return { session, store, sent };
}

const AGENT = { agentId: 'agent-ada', sysUserId: 'sn-user-ada', displayName: 'Ada Lovelace' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const refused = () => new IccApiError(409, { code: 'invalid_transition', message: 'transfer refused by the vendor' });

describe('startOpenFrameBridge', () => {
  it('shows the idle dial pad, then the offer, then the accepted callback, each context only when it changed', async () => {
    const { api, recorder, fire } = recordingApi();
    const { session, store, sent } = scriptedSession((command) => exampleInteraction({ state: 'previewing', agentId: 'agent-ada', seq: 5, id: command.interactionId }));
    startOpenFrameBridge({ api, session, agent: AGENT, onLogout: () => undefined });
    expect(recorder.contextOrder).toEqual(['offerContext', 'activeCall', 'idleState']);

    store.upsertInteraction(exampleInteraction({ state: 'offered', agentId: 'agent-ada', offeredAt: '2026-03-10T14:06:00Z', seq: 2 }));
    expect(recorder.contextOrder.slice(3)).toEqual(['offerContext']);
    expect(recorder.latest.offerContext?.offerContext.map((offer) => offer.externalId)).toEqual(['ix-0001']);

    fire('openframe_awa_workitem_accepted', workItemAccepted('ix-0001'));
    await flush();
    expect(sent).toEqual([{ type: 'accept', interactionId: 'ix-0001' }]);
    expect(recorder.latest.offerContext?.offerContext).toEqual([]);
    expect(recorder.latest.activeCall?.activeCall[0]).toMatchObject({ type: 'callback', currentParticipant: { id: 'sn-user-ada', state: 'Previewing' } });
    expect(recorder.violations).toEqual([]);
  });

  it('turns Call number into dial and reflects a refused callback transfer as callbackTransferStatus Failed', async () => {
    const { api, recorder, fire } = recordingApi();
    const { session, store, sent } = scriptedSession((command) =>
      command.type === 'transfer-callback' ? refused() : exampleInteraction({ state: 'dialing', agentId: 'agent-ada', seq: 9 }),
    );
    store.apply(exampleSnapshotFrame({ seq: 3, interactions: [exampleInteraction({ state: 'previewing', agentId: 'agent-ada', seq: 3 })], queues: [exampleQueueConfig()] }));
    startOpenFrameBridge({ api, session, agent: AGENT, onLogout: () => undefined });

    fire('interaction_control_action', controlAction('transfer', { targetId: 'q-sales', targetType: 'queue' }));
    await flush();
    expect(sent[0]).toMatchObject({ type: 'transfer-callback', target: { kind: 'queue', queueId: 'q-sales' } });
    expect(recorder.latest.activeCall?.activeCall[0]?.currentParticipant.capabilities?.callbackTransferStatus).toBe('Failed');
    expect(recorder.calls.find((call) => call.method === 'toastMessage')?.args).toEqual([
      'ICC refused transfer-callback: transfer refused by the vendor',
      'error',
    ]);

    fire('interaction_control_action', controlAction('initiateCall', { phoneNumber: '+14155550198' }));
    await flush();
    expect(sent[1]).toEqual({ type: 'dial', interactionId: 'ix-0001', phoneNumber: '+14155550198' });
    expect(recorder.latest.activeCall?.activeCall[0]?.currentParticipant.state).toBe('Dialing');
    expect(recorder.violations).toEqual([]);
  });

  it('answers getSearchTarget with the transfer list and submits ServiceNow wrap-up as ICC wrap-up', async () => {
    const { api, recorder, fire } = recordingApi();
    const { session, store, sent } = scriptedSession(() => exampleInteraction({ state: 'closed', agentId: 'agent-ada', seq: 20 }));
    store.upsertInteraction(exampleInteraction({ state: 'previewing', agentId: 'agent-ada', seq: 4 }));
    startOpenFrameBridge({ api, session, agent: AGENT, onLogout: () => undefined });

    fire('interaction_control_action', controlAction('getSearchTarget', { searchType: 'agent', searchTerm: 'gra' }));
    await flush();
    expect(recorder.latest.searchTargetList?.searchTargetList[0]?.targets[0]?.payload.list).toEqual([
      { id: 'agent-grace', name: 'Grace Hopper', presence: 'available' },
    ]);

    store.upsertInteraction(exampleInteraction({ state: 'wrap-up', agentId: 'agent-ada', seq: 10 }));
    fire('openframe_wrap_up_submitted', wrapUpSubmitted('ix-0001', 'ix-0001', 'resolved', 'Done.'));
    await flush();
    expect(sent).toEqual([{ type: 'submit-wrap-up', interactionId: 'ix-0001', wrapUp: { reason: 'resolved', notes: 'Done.' } }]);
    expect(recorder.latest.activeCall?.activeCall).toEqual([]);
    expect(recorder.contextOrder.at(-1)).toBe('idleState');
    expect(recorder.violations).toEqual([]);
  });

  it('logs out on the documented logout action and ignores events after stop()', async () => {
    const { api, fire } = recordingApi();
    const { session, sent } = scriptedSession(() => exampleInteraction());
    const onLogout = jest.fn();
    const bridge = startOpenFrameBridge({ api, session, agent: AGENT, onLogout });
    fire('interaction_control_action', controlAction('logout'));
    await flush();
    expect(onLogout).toHaveBeenCalledTimes(1);
    bridge.stop();
    fire('interaction_control_action', controlAction('logout'));
    fire('openframe_awa_workitem_accepted', workItemAccepted('ix-0001'));
    await flush();
    expect(onLogout).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([]);
  });
});
