import type { InteractionState, Presence } from '@icc/protocol';
import { agentWorkOf, decideChosenPresence, decideWorkPresence, IccError, type PresenceChange } from '@icc/core';
import type { EngineEmitter } from './engine-emitter';

/** Holds of a consulted agent are keyed `<interactionId>#consult` (engine-state's `syncHolder`). */
const CONSULT_SUFFIX = '#consult';

/**
 * The agent chose `presence` (or the system set `not-responding`). During work the choice waits for
 * the work to end; otherwise it applies, and an agent no longer available gives back the offers
 * alerting for them (cause `agent-unavailable`), which routing then offers to someone else.
 */
export function changePresence(emitter: EngineEmitter, agentId: string, presence: Presence): void {
  const { state } = emitter;
  const agent = state.agents.get(agentId);
  if (!agent) throw new IccError('not_found', `Agent ${agentId} does not exist`);
  const change = decideChosenPresence({ presence: agent.presence, chosen: agent.chosenPresence }, presence);
  if (!change) return;
  emitPresence(emitter, agentId, change);
  if (change.presence === 'available' || change.presence === change.previous) return;
  for (const interactionId of state.holds.get(agentId) ?? []) {
    const interaction = state.interactions.get(interactionId);
    if (interaction?.state !== 'offered') continue;
    emitter.emit({
      type: 'interaction.offer-declined',
      interactionId,
      callbackId: interaction.callbackId,
      agentId,
      cause: 'agent-unavailable',
    });
  }
}

/** After the configured number of offers let time out in a row, the agent is set `not-responding`. */
export function markNotRespondingIfDue(emitter: EngineEmitter, agentId: string): void {
  const limit = emitter.state.options.missedOffersBeforeNotResponding;
  if (limit === undefined || (emitter.state.missedOffers.get(agentId) ?? 0) < limit) return;
  changePresence(emitter, agentId, 'not-responding');
}

/**
 * Presence follows the work: each agent whose holds changed is shown `busy` or `wrap-up` while
 * working, and gets their chosen presence back when the work ends (core's `decideWorkPresence`).
 */
export function followWork(emitter: EngineEmitter): void {
  const { state } = emitter;
  const agentIds = [...state.workChanged];
  state.workChanged.clear();
  for (const agentId of agentIds) {
    const agent = state.agents.get(agentId);
    if (!agent) continue;
    const held: InteractionState[] = [];
    let consulting = false;
    for (const holdingId of state.holds.get(agentId) ?? []) {
      if (holdingId.endsWith(CONSULT_SUFFIX)) consulting = true; // on someone else's live call
      const interaction = state.interactions.get(holdingId);
      if (interaction) held.push(interaction.state);
    }
    const change = decideWorkPresence({ presence: agent.presence, chosen: agent.chosenPresence }, agentWorkOf(held, consulting));
    if (change) emitPresence(emitter, agentId, change);
  }
}

function emitPresence(emitter: EngineEmitter, agentId: string, change: PresenceChange): void {
  emitter.emit({ type: 'agent.presence-changed', agentId, ...change });
}
