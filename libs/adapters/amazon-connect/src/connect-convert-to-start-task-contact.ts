import type { StartTaskContactCommandInput } from '@aws-sdk/client-connect';
import { ICC_WORK_ITEM_KEYS } from '@icc/adapter-kit';
import type { Callback } from '@icc/protocol';
import type { AmazonConnectAdapterConfig } from './connect-config';
import { toConnectAttributes } from './connect-attributes';

/** Attribute names the callback-task flow and the adapter read (README, "Running against a real instance"). */
export const CALLBACK_ATTRIBUTES = {
  ...ICC_WORK_ITEM_KEYS,
  queueId: 'iccQueueId',
  /** The flow's Set working queue block reads the Connect queue from here. */
  connectQueueId: 'iccConnectQueueId',
  phoneNumber: 'iccCustomerPhoneNumber',
} as const;

export interface CallbackTaskRequest {
  callback: Callback;
  connectQueueId: string;
  /** When the task is to be routed (ScheduledTime); absent = now. */
  scheduledAt?: number;
  /** 0 for the callback's first task; a reschedule starts generation 1, 2, … */
  generation: number;
  /** The contact this one replaces (a reschedule). */
  relatedContactId?: string;
}

/**
 * StartTaskContact for an agent-first callback: the callback-task flow queues the task (at its
 * ScheduledTime when one is set); an agent accepts it, reads it, and calls the customer from the
 * CCP. Nobody is dialed at request time. The ICC ids travel as attributes so any contact of the
 * chain maps back, and the callback id is the ClientToken so a retried request starts nothing new.
 */
export function convertToStartTaskContact(
  request: CallbackTaskRequest,
  settings: Pick<AmazonConnectAdapterConfig, 'instanceId' | 'contactFlowId'>,
): StartTaskContactCommandInput {
  const { callback } = request;
  return {
    InstanceId: settings.instanceId,
    ContactFlowId: settings.contactFlowId,
    ClientToken: request.generation === 0 ? callback.id : `${callback.id}#${request.generation}`,
    Name: `Callback ${callback.number}`,
    Description: callback.shortDescription,
    Attributes: {
      ...toConnectAttributes(callback.attributes ?? {}, 'attributes'),
      [CALLBACK_ATTRIBUTES.callbackId]: callback.id,
      [CALLBACK_ATTRIBUTES.interactionId]: callback.interactionId,
      [CALLBACK_ATTRIBUTES.callbackNumber]: callback.number,
      [CALLBACK_ATTRIBUTES.queueId]: callback.queueId,
      [CALLBACK_ATTRIBUTES.connectQueueId]: request.connectQueueId,
      [CALLBACK_ATTRIBUTES.phoneNumber]: callback.customer.phoneNumbers[0] as string,
      customerName: `${callback.customer.firstName} ${callback.customer.lastName}`,
      callbackReason: callback.reason.code,
    },
    ...(request.scheduledAt !== undefined ? { ScheduledTime: new Date(request.scheduledAt) } : {}),
    ...(request.relatedContactId !== undefined ? { RelatedContactId: request.relatedContactId } : {}),
  };
}
