import { allowedControls } from '@icc/core';
import type { AgentCommandType, Interaction } from '@icc/protocol';
import type { InteractionStoreState } from '@icc/client';

const NONE: ReadonlySet<AgentCommandType> = new Set();
const MANUAL_DIAL = { dialMethod: { type: 'manual' as const } };

/** core's `allowedControls` for the signed-in agent (the gateway refuses everybody else: none). */
export function allowedForAgent(state: InteractionStoreState, interaction: Interaction, agentId: string): ReadonlySet<AgentCommandType> {
  if (state.capabilities === undefined || interaction.agentId !== agentId) return NONE;
  return allowedControls(interaction, state.queues[interaction.queueId] ?? MANUAL_DIAL, state.capabilities);
}
