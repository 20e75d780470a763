import type { StartOutboundVoiceContactCommandInput } from '@aws-sdk/client-connect';
import type { Callback, QueueConfig } from '@icc/protocol';
import type { AmazonConnectAdapterConfig } from './amazon-connect-config';

/** Attribute names the queued-callback flow reads (README, "Pointing at a real instance"). */
export const CALLBACK_ATTRIBUTES = {
  callbackId: 'iccCallbackId',
  interactionId: 'iccInteractionId',
  callbackNumber: 'iccCallbackNumber',
  queueId: 'iccQueueId',
  initialDelaySeconds: 'callbackInitialDelaySeconds',
  maxAttempts: 'callbackMaxAttempts',
  minSecondsBetweenAttempts: 'callbackMinSecondsBetweenAttempts',
} as const;

export interface CallbackContactRequest {
  callback: Callback;
  queue: QueueConfig;
  connectQueueId: string;
  /** Seconds before Connect queues the callback: the configured delay, or until the scheduled start. */
  initialDelaySeconds: number;
  /** 0 for the callback's first contact; a reschedule starts generation 1, 2, … */
  generation: number;
  /** The contact this one replaces (a reschedule). */
  relatedContactId?: string;
}

type Settings = Pick<
  AmazonConnectAdapterConfig,
  'instanceId' | 'contactFlowId' | 'maxAttempts' | 'minSecondsBetweenAttempts' | 'ringTimeoutSeconds' | 'manualPreviewSeconds'
>;

/**
 * StartOutboundVoiceContact for a queued, agent-first callback: the flow queues it after the
 * initial delay; an agent accepts it and previews it until they press CALL or the countdown (the
 * queue's auto-dial countdown) ends. The ICC ids travel as attributes so any contact of the chain
 * maps back, and the callback id is the ClientToken so a retried request starts nothing new.
 */
export function convertToStartOutboundVoiceContact(request: CallbackContactRequest, settings: Settings): StartOutboundVoiceContactCommandInput {
  const { callback, queue } = request;
  const countdown = queue.dialMethod.type === 'auto' ? queue.dialMethod.countdownSeconds : settings.manualPreviewSeconds;
  return {
    InstanceId: settings.instanceId,
    ContactFlowId: settings.contactFlowId,
    QueueId: request.connectQueueId,
    DestinationPhoneNumber: callback.customer.phoneNumbers[0] as string,
    ClientToken: request.generation === 0 ? callback.id : `${callback.id}#${request.generation}`,
    Name: `Callback ${callback.number}`,
    Description: callback.shortDescription,
    Attributes: {
      [CALLBACK_ATTRIBUTES.callbackId]: callback.id,
      [CALLBACK_ATTRIBUTES.interactionId]: callback.interactionId,
      [CALLBACK_ATTRIBUTES.callbackNumber]: callback.number,
      [CALLBACK_ATTRIBUTES.queueId]: queue.id,
      [CALLBACK_ATTRIBUTES.initialDelaySeconds]: String(request.initialDelaySeconds),
      [CALLBACK_ATTRIBUTES.maxAttempts]: String(settings.maxAttempts),
      [CALLBACK_ATTRIBUTES.minSecondsBetweenAttempts]: String(settings.minSecondsBetweenAttempts),
      customerName: `${callback.customer.firstName} ${callback.customer.lastName}`,
      callbackReason: callback.reason.code,
    },
    OutboundStrategy: {
      Type: 'AGENT_FIRST',
      Config: {
        AgentFirst: {
          Preview: { PostAcceptTimeoutConfig: { DurationInSeconds: countdown }, AllowedUserActions: ['CALL', 'DISCARD'] },
        },
      },
    },
    RingTimeoutInSeconds: settings.ringTimeoutSeconds,
    ...(request.relatedContactId !== undefined ? { RelatedContactId: request.relatedContactId } : {}),
  };
}
