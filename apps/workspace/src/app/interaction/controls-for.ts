import { allowedControls } from '@icc/core';
import type { AdapterCapabilities, AgentCommandType, Interaction, QueueConfig } from '@icc/protocol';

const NONE: ReadonlySet<AgentCommandType> = new Set();
const MANUAL_DIAL = { dialMethod: { type: 'manual' as const } };

/**
 * The commands this agent may send for an interaction, exactly as the gateway decides them:
 * `allowedControls` from core, and only for the agent the interaction is offered to or handled
 * by (the gateway refuses everybody else). Nothing is allowed before `welcome` brought the
 * vendor's capabilities.
 */
export function controlsFor(
  interaction: Interaction,
  agentId: string,
  queues: readonly QueueConfig[],
  capabilities: AdapterCapabilities | undefined,
): ReadonlySet<AgentCommandType> {
  if (capabilities === undefined || interaction.agentId !== agentId) return NONE;
  const queue = queues.find((candidate) => candidate.id === interaction.queueId) ?? MANUAL_DIAL;
  return allowedControls(interaction, queue, capabilities);
}
