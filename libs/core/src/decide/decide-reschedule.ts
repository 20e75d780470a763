import type { AdapterCapabilities, Interaction, RescheduleCallbackRequest } from '@icc/protocol';
import type { CallbackActor } from '../ports/ccaas-adapter';
import { nextState } from '../state-machine/interaction-transitions';
import { callbackRefusals } from './callback-refusals';
import { isoAt, type DecidedEvent } from './decided-event';

type ReschedulableInteraction = Pick<Interaction, 'id' | 'callbackId' | 'state' | 'mode'>;

/** Refuses a reschedule the vendor cannot do or the interaction's state does not allow. */
export function assertMayReschedule(
  interaction: Pick<Interaction, 'state' | 'mode'>,
  capabilities: Pick<AdapterCapabilities, 'reschedule' | 'scheduled'>,
): void {
  if (!capabilities.reschedule || !capabilities.scheduled) throw callbackRefusals.rescheduleUnsupported();
  if (nextState(interaction.mode, interaction.state, 'interaction.rescheduled') === undefined) {
    throw callbackRefusals.notAllowedNow(interaction.state, 'reschedule', interaction.mode);
  }
}

/** A new start in the past would queue the callback at once, which is not what a reschedule means. */
export function assertFutureStart(start: string, now: number): void {
  if (Date.parse(start) <= now) throw callbackRefusals.startNotInFuture();
}

export interface RescheduleCommand {
  request: RescheduleCallbackRequest;
  actor: CallbackActor;
  capabilities: Pick<AdapterCapabilities, 'reschedule' | 'scheduled'>;
  now: number;
}

/**
 * Moving a callback to a new start puts its interaction back to `scheduled`. Checked in this
 * order: the vendor can reschedule, the state allows it, the new start is in the future.
 */
export function decideReschedule(
  interaction: ReschedulableInteraction,
  { request, actor, capabilities, now }: RescheduleCommand,
): DecidedEvent<'interaction.rescheduled'> {
  assertMayReschedule(interaction, capabilities);
  assertFutureStart(request.start, now);
  return {
    type: 'interaction.rescheduled',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    scheduledAt: request.start,
    ...(request.windowEnd !== undefined ? { windowEnd: request.windowEnd } : {}),
    by: actor,
    ...(request.assignedAgentId !== undefined ? { assignedAgentId: request.assignedAgentId } : {}),
  };
}
