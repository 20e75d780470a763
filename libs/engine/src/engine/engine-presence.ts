import type { Presence } from '@icc/protocol';
import { IccError } from '@icc/core';
import type { EngineEmitter } from './engine-emitter';

/**
 * Records the agent's new presence; an agent who is no longer available gives back the offers
 * alerting for them (cause `agent-unavailable`), which routing then offers to someone else.
 */
export function changePresence(emitter: EngineEmitter, agentId: string, presence: Presence): void {
  const { state } = emitter;
  const agent = state.agents.get(agentId);
  if (!agent) throw new IccError('not_found', `Agent ${agentId} does not exist`);
  if (agent.presence === presence) return;
  emitter.emit({ type: 'agent.presence-changed', agentId, presence, previous: agent.presence });
  if (presence === 'available') return;
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
