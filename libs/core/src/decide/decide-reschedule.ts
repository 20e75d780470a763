import type { AdapterCapabilities, Interaction, QueueConfig, RescheduleCallbackRequest, RoutingMode } from '@icc/protocol';
import type { CallbackActor } from '../ports/ccaas-adapter';
import { nextState } from '../state-machine/interaction-transitions';
import { assertMayKeep } from './assert-may-keep';
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

/**
 * A reschedule that also moves the callback (another queue, other numbers) needs a vendor that can
 * (`rescheduleMove`), and a queue that routes the callback's mode. `queue` is the target queue as the
 * caller knows it (undefined: unknown).
 */
export function assertMayMove(
  request: Pick<RescheduleCallbackRequest, 'queueId' | 'phoneNumbers'>,
  capabilities: Pick<AdapterCapabilities, 'rescheduleMove'>,
  mode: RoutingMode,
  queue: Pick<QueueConfig, 'id' | 'defaultMode'> | undefined,
): void {
  if (request.queueId === undefined && request.phoneNumbers === undefined) return;
  if (capabilities.rescheduleMove !== true) throw callbackRefusals.rescheduleMoveUnsupported();
  if (request.queueId === undefined) return;
  if (!queue) throw callbackRefusals.unknownQueue(request.queueId);
  if (queue.defaultMode !== mode) throw callbackRefusals.otherModeQueue(request.queueId, mode);
}

export interface RescheduleCommand {
  request: RescheduleCallbackRequest;
  actor: CallbackActor;
  capabilities: Pick<AdapterCapabilities, 'reschedule' | 'scheduled' | 'rescheduleMove' | 'keptCallbacks' | 'reasons'>;
  now: number;
  /** The queue `request.queueId` names, when it names one. */
  queue?: Pick<QueueConfig, 'id' | 'name' | 'defaultMode'> | undefined;
}

/**
 * Moving a callback to a new start puts its interaction back to `scheduled`. Checked in this
 * order: the vendor can reschedule, the state allows it, the new start is in the future, the vendor
 * can move it (when asked) and keep it for an agent (when asked).
 */
export function decideReschedule(
  interaction: ReschedulableInteraction,
  { request, actor, capabilities, now, queue }: RescheduleCommand,
): DecidedEvent<'interaction.rescheduled'> {
  assertMayReschedule(interaction, capabilities);
  assertFutureStart(request.start, now);
  assertMayMove(request, capabilities, interaction.mode, queue);
  assertMayKeep(request.assignedAgentId, capabilities);
  return {
    type: 'interaction.rescheduled',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    scheduledAt: request.start,
    ...(request.windowEnd !== undefined ? { windowEnd: request.windowEnd } : {}),
    ...(request.queueId !== undefined && queue ? { queueId: queue.id, queueName: queue.name } : {}),
    ...(request.phoneNumbers !== undefined ? { phoneNumbers: request.phoneNumbers } : {}),
    by: actor,
    ...(request.assignedAgentId !== undefined ? { assignedAgentId: request.assignedAgentId } : {}),
  };
}
