import type { InteractionStoreState } from '@icc/client';
import type { Interaction, InteractionState } from '@icc/protocol';
import type { IcContextCall } from '../contract/ic-context-call';
import { allowedForAgent } from './allowed-for-agent';
import { mapIdleState } from './map-idle-state';
import { mapInteractionToActiveCall, type CurrentAgent } from './map-interaction-to-active-call';
import { mapInteractionToOffer } from './map-interaction-to-offer';

export interface SignedInAgent extends CurrentAgent {
  /** The ICC agent id. */
  agentId: string;
}

/** States in which the agent holds the interaction (between accept and close). */
const OPEN_STATES: ReadonlySet<InteractionState> = new Set([
  'previewing',
  'transferring',
  'dialing',
  'connected',
  'on-hold',
  'no-answer',
  'wrap-up',
]);

const byRequestTime = (left: Interaction, right: Interaction) => left.requestedAt.localeCompare(right.requestedAt);

export function openInteractions(state: InteractionStoreState, agentId: string): Interaction[] {
  return Object.values(state.interactions)
    .filter((interaction) => interaction.agentId === agentId && OPEN_STATES.has(interaction.state))
    .sort(byRequestTime);
}

/**
 * Everything ServiceNow's ICC should show for this agent, as setICContext calls: the offers, every
 * open interaction as an activeCall entry, and the idle dial pad when nothing is open.
 */
export function buildIcContexts(
  state: InteractionStoreState,
  agent: SignedInAgent,
  callbackTransferFailed: ReadonlySet<string>,
): IcContextCall[] {
  const offers = Object.values(state.interactions)
    .filter((interaction) => interaction.state === 'offered' && interaction.agentId === agent.agentId)
    .sort(byRequestTime)
    .map((interaction) => mapInteractionToOffer(interaction, allowedForAgent(state, interaction, agent.agentId)));
  const open = openInteractions(state, agent.agentId);
  const activeCall = open.map((interaction) =>
    mapInteractionToActiveCall({
      interaction,
      allowed: allowedForAgent(state, interaction, agent.agentId),
      agent,
      agents: state.agents,
      callbackTransferFailed: callbackTransferFailed.has(interaction.id),
    }),
  );
  const calls: IcContextCall[] = [
    { type: 'offerContext', context: { offerContext: offers } },
    { type: 'activeCall', context: { activeCall } },
  ];
  if (open.length === 0) calls.push({ type: 'idleState', context: mapIdleState(state.me?.presence ?? 'offline') });
  return calls;
}
