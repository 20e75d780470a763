import type { AgentCommand, Interaction } from '@icc/protocol';
import { ControlActionEnvelope, GetSearchTargetPayload } from '../contract/control-action';
import { IcContextCall, type IcContextType } from '../contract/ic-context-call';
import { OPEN_FRAME_EVENTS, type OpenFrameApi } from '../contract/open-frame-api';
import { AgentPresenceEvent, WorkItemEvent, WrapUpSubmittedEvent, workItemOf } from '../contract/open-frame-events';
import { allowedForAgent } from '../mapping/allowed-for-agent';
import { buildIcContexts, openInteractions, type SignedInAgent } from '../mapping/build-ic-contexts';
import { mapControlActionToCommand } from '../mapping/map-control-action-to-command';
import { mapSearchTargets } from '../mapping/map-search-targets';
import { mapWrapUpSubmittedToCommand } from '../mapping/map-wrap-up-submitted-to-command';
import type { BridgeSession } from './bridge-session';

export interface OpenFrameBridgeOptions {
  api: OpenFrameApi;
  session: BridgeSession;
  agent: SignedInAgent;
  /** ServiceNow's Log out on the idle dial pad. */
  onLogout(): void;
}

export interface OpenFrameBridge {
  stop(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps ServiceNow's ICC in step with the agent's ICC stream and turns ServiceNow's clicks into ICC
 * commands. Every context is validated against the documented schemas before it is sent, and sent
 * only when it changed.
 */
export function startOpenFrameBridge({ api, session, agent, onLogout }: OpenFrameBridgeOptions): OpenFrameBridge {
  const lastSent = new Map<IcContextType, string>();
  const callbackTransferFailed = new Set<string>();
  let stopped = false;

  function send(call: IcContextCall): void {
    const checked = IcContextCall.safeParse(call);
    if (!checked.success) {
      // A mapping bug: never hand ServiceNow a context its contract does not allow.
      console.error(`setICContext("${call.type}") not sent: ${checked.error.message}`);
      return;
    }
    const json = JSON.stringify(checked.data.context);
    if (lastSent.get(call.type) === json) return;
    lastSent.set(call.type, json);
    api.setICContext(call.type, checked.data.context);
  }

  function sync(): void {
    if (stopped) return;
    const calls = buildIcContexts(session.getState(), agent, callbackTransferFailed);
    // The dial pad comes back after any call, even if it reads the same as last time.
    if (!calls.some((call) => call.type === 'idleState')) lastSent.delete('idleState');
    for (const call of calls) send(call);
  }

  function toast(message: string): void {
    api.toastMessage(message, 'error');
  }

  async function run(command: AgentCommand): Promise<void> {
    try {
      await session.sendCommand(command);
      if (command.type === 'transfer-callback') callbackTransferFailed.delete(command.interactionId);
    } catch (error) {
      if (command.type === 'transfer-callback') callbackTransferFailed.add(command.interactionId);
      toast(`ICC refused ${command.type}: ${messageOf(error)}`);
    }
    sync();
  }

  /** The call an action is for: the one it names (externalId), else the only open one. */
  function targetOf(payload: unknown): Interaction | undefined {
    const open = openInteractions(session.getState(), agent.agentId);
    const named = (payload as { externalId?: unknown } | undefined)?.externalId;
    if (typeof named === 'string') return open.find((interaction) => interaction.id === named);
    return open.length === 1 ? open[0] : undefined;
  }

  async function searchTargets(payload: unknown): Promise<void> {
    const interaction = targetOf(payload);
    const parsed = GetSearchTargetPayload.safeParse(payload ?? {});
    if (!interaction || !parsed.success) return toast('Transfer list: no open call to transfer');
    const state = session.getState();
    try {
      const agents = await session.listAgents();
      send({
        type: 'searchTargetList',
        context: mapSearchTargets({
          interaction,
          allowed: allowedForAgent(state, interaction, agent.agentId),
          queues: Object.values(state.queues),
          agents,
          meId: agent.agentId,
          searchType: parsed.data.searchType,
          searchTerm: parsed.data.searchTerm,
        }),
      });
    } catch (error) {
      toast(`Transfer list: ${messageOf(error)}`);
    }
  }

  async function onControlAction(raw: unknown): Promise<void> {
    const envelope = ControlActionEnvelope.safeParse(raw);
    if (!envelope.success) return toast('Unreadable interaction_control_action');
    const action = envelope.data;
    if (action.name === 'logout') return onLogout();
    if (action.name === 'getSearchTarget') return searchTargets(action.payload);
    const interaction = targetOf(action.payload);
    if (!interaction) return toast(`${action.name}: no open call to act on`);
    const mapping = mapControlActionToCommand(action, interaction);
    if (mapping.kind !== 'command') return toast(mapping.reason);
    await run(mapping.command);
  }

  /** AWA's Accept / Reject in the inbox: the work item's document is the offered interaction record. */
  async function onWorkItem(raw: unknown, type: 'accept' | 'reject'): Promise<void> {
    const event = WorkItemEvent.safeParse(raw);
    if (!event.success) return toast(`Unreadable work item event (${type})`);
    const recordId = workItemOf(event.data).document.sys_id;
    const offered = session.getState().interactions[recordId];
    if (!offered || offered.state !== 'offered' || offered.agentId !== agent.agentId) return toast(`${type}: no such offer ${recordId}`);
    await run({ type, interactionId: offered.id });
  }

  async function onWrapUpSubmitted(raw: unknown): Promise<void> {
    const event = WrapUpSubmittedEvent.safeParse(raw);
    if (!event.success) return toast('Unreadable wrap-up event');
    const inWrapUp = openInteractions(session.getState(), agent.agentId).filter((interaction) => interaction.state === 'wrap-up');
    const recordId = event.data.wrapUp.recordId;
    const interaction = recordId ? inWrapUp.find((candidate) => candidate.id === recordId) : inWrapUp.length === 1 ? inWrapUp[0] : undefined;
    if (!interaction) return toast(`Wrap-up: no interaction in wrap-up${recordId ? ` for ${recordId}` : ''}`);
    await run(mapWrapUpSubmittedToCommand(event.data, interaction));
  }

  async function onPresence(raw: unknown): Promise<void> {
    const event = AgentPresenceEvent.safeParse(raw);
    if (!event.success) return;
    try {
      await session.setPresence(event.data.result.presence.available ? 'available' : 'away');
    } catch (error) {
      toast(`Presence: ${messageOf(error)}`);
    }
  }

  const guard = (handler: (raw: unknown) => Promise<void>) => (raw: unknown) => {
    if (!stopped) void handler(raw);
  };
  api.subscribe(OPEN_FRAME_EVENTS.controlAction, guard(onControlAction));
  api.subscribe(OPEN_FRAME_EVENTS.workItemAccepted, guard((raw) => onWorkItem(raw, 'accept')));
  api.subscribe(OPEN_FRAME_EVENTS.workItemRejected, guard((raw) => onWorkItem(raw, 'reject')));
  api.subscribe(OPEN_FRAME_EVENTS.wrapUpSubmitted, guard(onWrapUpSubmitted));
  api.subscribe(OPEN_FRAME_EVENTS.agentPresence, guard(onPresence));
  const unsubscribe = session.subscribe(sync);
  sync();

  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
