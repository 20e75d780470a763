import { performance } from 'node:perf_hooks';
import { allowedControls, IccError, InvalidTransitionError, type AsyncEventStore, type CcaasAdapterV1 } from '@icc/core';
import type { AgentCommand, Interaction } from '@icc/protocol';
import type { AccessControl } from '../auth/access-control';
import { interactionQueueConfigOf } from '../queues/interaction-queue-config';
import type { Principal } from '../auth/principal';
import type { CallbackBooking } from '../capacity/callback-booking';
import type { GatewayMetrics } from '../metrics/gateway-metrics';

/** The checks every agent command passes, from REST and WebSocket alike, before the adapter runs it. */
export interface CommandGate {
  execute(principal: Principal, command: AgentCommand): Promise<Interaction>;
}

export function createCommandGate(store: AsyncEventStore, adapter: CcaasAdapterV1, metrics: GatewayMetrics, access: AccessControl, booking: CallbackBooking): CommandGate {
  /** A reschedule takes a seat in its queue's slot: checked and written in one turn of the queue, as intake does. */
  const run = (principal: Principal, command: AgentCommand, interaction: Interaction) => {
    if (command.type !== 'reschedule') return adapter.execute(principal.agentId, command);
    return booking.serialized(interaction.queueId, async () => {
      const current = (await store.listQueues()).find((queue) => queue.id === interaction.queueId);
      if (current) await booking.assertSeat(current, Date.parse(command.start), interaction.callbackId);
      return adapter.execute(principal.agentId, command);
    });
  };

  return {
    async execute(principal, command) {
      const started = performance.now();
      try {
        const interaction = await store.getInteraction(command.interactionId);
        if (!interaction) throw new IccError('not_found', `Interaction ${command.interactionId} does not exist`);
        await access.assertInteraction(principal, interaction.id, 'command');
        if (command.type === 'reschedule' && command.assignedAgentId !== undefined) {
          await access.assertMayKeepFor(principal, command.assignedAgentId, interaction.queueId);
        }
        const queue = (await interactionQueueConfigOf(store, interaction)) ?? { dialMethod: { type: 'manual' as const } };
        if (!allowedControls(interaction, queue, adapter.capabilities).has(command.type)) {
          throw new InvalidTransitionError(interaction.state, command.type, interaction.mode);
        }
        await run(principal, command, interaction);
        const after = (await store.getInteraction(command.interactionId)) ?? interaction;
        metrics.observeCommand(command.type, 'ok', (performance.now() - started) / 1000);
        return after;
      } catch (error) {
        metrics.observeCommand(command.type, 'error', (performance.now() - started) / 1000);
        throw error;
      }
    },
  };
}
