import type { Agent, AgentCommandType, Interaction, InteractionState } from '@icc/protocol';
import type { ActiveCall, CallbackContext, Participant } from '../contract/active-call-context';
import { toRssTime } from '../contract/open-frame-time';
import { mapCapabilities } from './map-capabilities';

/** Who the current participant is on the ServiceNow side. */
export interface CurrentAgent {
  /** sys_id of the agent's User [sys_user] record (activeCall.currentParticipant.id). */
  sysUserId: string;
  displayName: string;
}

export interface ActiveCallInput {
  interaction: Interaction;
  /** `allowedControls` for this agent and interaction. */
  allowed: ReadonlySet<AgentCommandType>;
  agent: CurrentAgent;
  /** Other agents by id, to name a consulted agent. */
  agents: Readonly<Record<string, Agent>>;
  /** The last transfer of this callback was refused (shows callbackTransferStatus "Failed"). */
  callbackTransferFailed: boolean;
}

const STATE_TEXT: Partial<Record<InteractionState, string>> = {
  previewing: 'Previewing',
  transferring: 'Transferring callback',
  dialing: 'Dialing',
  connected: 'Connected',
  'on-hold': 'On hold',
  'no-answer': 'No answer',
  'wrap-up': 'Wrap-up',
};

const CUSTOMER_LEG_TEXT: Partial<Record<InteractionState, string>> = {
  dialing: 'Ringing',
  connected: 'Connected',
  'on-hold': 'On hold',
  'no-answer': 'No answer',
  'wrap-up': 'Call ended',
};

function callbackContextOf(interaction: Interaction): CallbackContext {
  const attempted = interaction.attempts.length > 0;
  return {
    callAttemptedByAgent: attempted,
    callbackNumbers: [...interaction.card.phoneNumbers],
    customerName: interaction.card.customerName,
    // The auto-dial countdown ends at autoDialAt; after an attempt, the auto-close countdown at autoCloseAt.
    ...(!attempted && interaction.autoDialAt ? { dialInEndTime: toRssTime(interaction.autoDialAt) } : {}),
    ...(attempted && interaction.autoCloseAt ? { closeInEndTime: toRssTime(interaction.autoCloseAt) } : {}),
  };
}

function customerParticipant(interaction: Interaction): Participant | undefined {
  const lastAttempt = interaction.attempts.at(-1);
  if (!lastAttempt && !interaction.customerOnLine) return undefined;
  const since = interaction.connectedAt ?? lastAttempt?.startedAt ?? interaction.requestedAt;
  const held = interaction.state === 'on-hold';
  return {
    id: `${interaction.id}:customer`,
    actor: 'customer',
    name: interaction.card.customerName,
    address: lastAttempt?.phoneNumber ?? interaction.card.phoneNumbers[0],
    state: CUSTOMER_LEG_TEXT[interaction.state] ?? interaction.state,
    // Required by the page even for a leg that never connected: then the attempt's start.
    connectedTime: toRssTime(since),
    ...(lastAttempt ? { callStartTime: toRssTime(lastAttempt.startedAt) } : {}),
    held,
    // ICC wraps up every callback call, so ServiceNow's Wrap up component is always asked for.
    requireWrapup: true,
  };
}

function consultedParticipant(interaction: Interaction, agents: ActiveCallInput['agents']): Participant | undefined {
  const consultAgentId = interaction.call.consultAgentId;
  if (consultAgentId === undefined) return undefined;
  return {
    id: consultAgentId,
    actor: 'agent',
    name: agents[consultAgentId]?.displayName ?? consultAgentId,
    state: interaction.call.conference ? 'Conference' : 'Consulting',
    connectedTime: toRssTime(interaction.connectedAt ?? interaction.requestedAt),
  };
}

/**
 * One open interaction as an `activeCall` entry (c_openFrameAPI.md § setICContext › activeCall).
 * Agent-first callbacks are `type: callback` with their callbackContext; customer-first ones arrive
 * "like any other voice interaction" (interaction-controls-component-icc-callback-integration-features.md),
 * so they are `type: call`.
 */
export function mapInteractionToActiveCall(input: ActiveCallInput): ActiveCall {
  const { interaction, agent } = input;
  const agentFirst = interaction.mode === 'agent-first';
  const participants = [customerParticipant(interaction), consultedParticipant(interaction, input.agents)].filter(
    (participant): participant is Participant => participant !== undefined,
  );
  return {
    nowRecordTable: 'interaction',
    nowRecordId: interaction.id,
    externalId: interaction.id,
    type: agentFirst ? 'callback' : 'call',
    direction: agentFirst ? 'outbound' : 'inbound',
    currentParticipant: {
      id: agent.sysUserId,
      name: agent.displayName,
      actor: 'agent',
      state: STATE_TEXT[interaction.state] ?? interaction.state,
      ...(interaction.firstDialedAt ? { callStartTime: toRssTime(interaction.firstDialedAt) } : {}),
      ...(interaction.connectedAt ? { connectedTime: toRssTime(interaction.connectedAt) } : {}),
      muted: interaction.call.muted,
      held: interaction.state === 'on-hold',
      flagged: interaction.call.escalated,
      recording: interaction.call.recording ? 'in_progress' : 'none',
      capabilities: mapCapabilities(input.allowed, input.callbackTransferFailed),
    },
    participants,
    ...(agentFirst ? { callbackContext: callbackContextOf(interaction) } : {}),
  };
}
