import { z } from 'zod';
import { withoutKey } from '../without-key';
import { AgentPresenceChangedEvent } from './agent-events';
import {
  InteractionCallEndedEvent,
  InteractionCallTransferredEvent,
  InteractionCallRequeuedEvent,
  InteractionCallTransferredExternallyEvent,
  InteractionConsultEndedEvent,
  InteractionConsultStartedEvent,
  InteractionCustomerAnsweredEvent,
  InteractionDialFailedEvent,
  InteractionDialingEvent,
  InteractionDtmfSentEvent,
  InteractionEscalatedEvent,
  InteractionHeldEvent,
  InteractionMutedEvent,
  InteractionRecordingEvent,
  InteractionResumedEvent,
  InteractionRetryScheduledEvent,
  InteractionWrapUpExtendedEvent,
} from './call-events';
import {
  CallbackUpdatedEvent,
  InteractionClosedEvent,
  InteractionCreatedEvent,
  InteractionQueuedEvent,
  InteractionRescheduledEvent,
  InteractionTransferCancelledEvent,
  InteractionTransferRequestedEvent,
} from './lifecycle-events';
import { InteractionAcceptedEvent, InteractionOfferDeclinedEvent, InteractionOfferedEvent } from './offer-events';

export const INTERACTION_EVENT_SCHEMAS = [
  InteractionCreatedEvent,
  CallbackUpdatedEvent,
  InteractionQueuedEvent,
  InteractionRescheduledEvent,
  InteractionOfferedEvent,
  InteractionOfferDeclinedEvent,
  InteractionAcceptedEvent,
  InteractionTransferRequestedEvent,
  InteractionTransferCancelledEvent,
  InteractionDialingEvent,
  InteractionCustomerAnsweredEvent,
  InteractionDialFailedEvent,
  InteractionRetryScheduledEvent,
  InteractionHeldEvent,
  InteractionResumedEvent,
  InteractionMutedEvent,
  InteractionRecordingEvent,
  InteractionDtmfSentEvent,
  InteractionEscalatedEvent,
  InteractionConsultStartedEvent,
  InteractionConsultEndedEvent,
  InteractionCallTransferredEvent,
  InteractionCallRequeuedEvent,
  InteractionCallTransferredExternallyEvent,
  InteractionCallEndedEvent,
  InteractionWrapUpExtendedEvent,
  InteractionClosedEvent,
] as const;

export const InteractionEvent = z.discriminatedUnion('type', INTERACTION_EVENT_SCHEMAS).meta({ id: 'InteractionEvent' });
export type InteractionEvent = z.infer<typeof InteractionEvent>;
export type InteractionEventType = InteractionEvent['type'];

export const AgentEvent = z.discriminatedUnion('type', [AgentPresenceChangedEvent]).meta({ id: 'AgentEvent' });
export type AgentEvent = z.infer<typeof AgentEvent>;

/** Every fact the system records. State is a fold over these. */
export const IccEvent = z
  .discriminatedUnion('type', [...INTERACTION_EVENT_SCHEMAS, AgentPresenceChangedEvent])
  .meta({ id: 'IccEvent' });
export type IccEvent = z.infer<typeof IccEvent>;
export type IccEventType = IccEvent['type'];
export type IccEventOf<Type extends IccEventType> = Extract<IccEvent, { type: Type }>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before the store has given it a `seq`: what engines and adapters emit. */
export type NewIccEvent = DistributiveOmit<IccEvent, 'seq'>;
export type NewInteractionEvent = DistributiveOmit<InteractionEvent, 'seq'>;

export const NewIccEvent = z
  .discriminatedUnion('type', [
    ...withoutKey(INTERACTION_EVENT_SCHEMAS, 'seq'),
    AgentPresenceChangedEvent.omit({ seq: true }),
  ] as unknown as [z.ZodObject, ...z.ZodObject[]])
  .meta({ id: 'NewIccEvent' }) as unknown as z.ZodType<NewIccEvent>;

export function isInteractionEvent<E extends IccEvent | NewIccEvent>(
  event: E,
): event is Exclude<E, { type: 'agent.presence-changed' }> {
  return event.type !== 'agent.presence-changed';
}
