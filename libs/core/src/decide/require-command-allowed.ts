import type { AdapterCapabilities, AgentCommand, Interaction } from '@icc/protocol';
import { allowedControls, type ControlsQueue } from '../controls/allowed-controls';
import { IccError } from '../errors';
import { callbackRefusals } from './callback-refusals';

export interface CommandRequest<Queue extends ControlsQueue> {
  agentId: string;
  command: AgentCommand;
  /** The interaction's queue; undefined when it is not (or no longer) configured. */
  queue: Queue | undefined;
  capabilities: AdapterCapabilities;
}

/**
 * Refuses an agent command unless the interaction is offered to or handled by that agent, its
 * queue exists and the control is allowed now (`allowedControls`); resolves to the queue.
 */
export function requireCommandAllowed<Queue extends ControlsQueue>(
  interaction: Pick<Interaction, 'id' | 'agentId' | 'queueId' | 'state' | 'mode' | 'call'>,
  { agentId, command, queue, capabilities }: CommandRequest<Queue>,
): Queue {
  if (interaction.agentId !== agentId) throw callbackRefusals.notHandledBy(interaction.id, agentId);
  if (!queue) throw new IccError('not_found', `Queue ${interaction.queueId} does not exist`);
  if (!allowedControls(interaction, queue, capabilities).has(command.type)) {
    throw callbackRefusals.notAllowedNow(interaction.state, command.type, interaction.mode);
  }
  return queue;
}
