import { z } from 'zod';
import { AgentCommand, CreateCallbackRequest, QueueConfig, RescheduleCallbackRequest, SelectablePresence, UpdateCallbackRequest, type IccEvent } from '@icc/protocol';
import { IccError, type CcaasAdapterV1 } from '@icc/core';
import type { DevTelephony } from '../composition/adapter-registry';
import type { CallbackIntake, IntakeResult } from '../intake/callback-intake';

const Id = z.string().min(1).max(200);
const Actor = z.enum(['api', 'agent', 'customer']);

/**
 * A call a gateway that does not run the ACD forwards to the one that does: one per method of the
 * adapter that changes something (reads are answered from the shared store by every gateway).
 */
export const AcdCall = z.discriminatedUnion('operation', [
  z.strictObject({
    operation: z.literal('requestCallback'),
    request: CreateCallbackRequest,
    identity: z.strictObject({ callbackId: Id, interactionId: Id, number: Id, idempotencyKey: z.string().optional(), requestHash: z.string().optional() }),
  }),
  z.strictObject({ operation: z.literal('updateCallback'), callbackId: Id, changes: UpdateCallbackRequest }),
  z.strictObject({ operation: z.literal('cancelCallback'), callbackId: Id, actor: Actor, reason: z.string().max(500).optional() }),
  z.strictObject({ operation: z.literal('reschedule'), callbackId: Id, request: RescheduleCallbackRequest, actor: Actor }),
  z.strictObject({ operation: z.literal('setPresence'), agentId: Id, presence: SelectablePresence }),
  z.strictObject({ operation: z.literal('execute'), agentId: Id, command: AgentCommand }),
  z.strictObject({ operation: z.literal('ingest'), headers: z.record(z.string(), z.string().optional()), rawBody: z.string() }),
  z.strictObject({ operation: z.literal('applyQueueConfig'), queue: QueueConfig }),
  z.strictObject({ operation: z.literal('removeQueue'), queueId: Id }),
  z.strictObject({ operation: z.literal('setTelephonyBehaviour'), phoneNumber: z.string().min(1).max(32), behaviour: z.unknown() }),
  // The whole intake, not only the adapter's part: its idempotency and booking checks then run where
  // the callback is written, one process, instead of under locks held across gateways.
  z.strictObject({ operation: z.literal('createCallback'), request: CreateCallbackRequest, idempotencyKey: z.string().optional() }),
]);
export type AcdCall = z.infer<typeof AcdCall>;

/** What the owner runs forwarded calls on. */
export interface AcdCallTarget {
  adapter: CcaasAdapterV1;
  telephony: DevTelephony | undefined;
  intake: CallbackIntake;
}

/** The answer to a forwarded call: the intake's result for `createCallback`, else the adapter's events. */
export type AcdCallAnswer = IntakeResult | { events: IccEvent[] };

/** Runs a forwarded call on the ACD this gateway runs, as if it had been made here. */
export async function answerAcdCall(target: AcdCallTarget, call: AcdCall): Promise<AcdCallAnswer> {
  if (call.operation === 'createCallback') return target.intake.create(call.request, call.idempotencyKey);
  return { events: await invokeAcdCall(target.adapter, target.telephony, call) };
}

/** Runs a forwarded adapter call on the adapter this gateway runs. */
export async function invokeAcdCall(adapter: CcaasAdapterV1, telephony: DevTelephony | undefined, call: Exclude<AcdCall, { operation: 'createCallback' }>): Promise<IccEvent[]> {
  switch (call.operation) {
    case 'requestCallback':
      return adapter.requestCallback(call.request, withoutUndefined(call.identity));
    case 'updateCallback':
      return adapter.updateCallback(call.callbackId, call.changes);
    case 'cancelCallback':
      return adapter.cancelCallback(call.callbackId, call.actor, call.reason);
    case 'reschedule':
      return adapter.reschedule(call.callbackId, call.request, call.actor);
    case 'setPresence':
      return adapter.setPresence(call.agentId, call.presence);
    case 'execute':
      return adapter.execute(call.agentId, call.command);
    case 'ingest':
      if (!adapter.ingest) throw new IccError('not_found', `Vendor ${adapter.vendor} takes no webhooks`);
      return adapter.ingest({ headers: call.headers, rawBody: call.rawBody });
    case 'applyQueueConfig':
      return (await adapter.applyQueueConfig?.(call.queue)) ?? [];
    case 'removeQueue':
      return (await adapter.removeQueue?.(call.queueId)) ?? [];
    case 'setTelephonyBehaviour':
      if (!telephony) throw new IccError('not_found', `Vendor ${adapter.vendor} has no simulated telephony`);
      await telephony.setBehaviour(call.phoneNumber, telephony.behaviourSchema.parse(call.behaviour));
      return [];
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
