import { lowerFirstLetterKeys } from '@icc/adapter-kit';
import { z } from 'zod';

/** An instant as Connect writes it in events (ISO-8601, UTC). */
const Timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO-8601 timestamp');
const optionalTimestamp = Timestamp.nullish();

/**
 * `detail` of an "Amazon Connect Contact Event" (admin guide, "Contact events data model"): the
 * fields the adapter reads; unknown fields are kept. The published samples write `detail` in
 * camelCase and, in places, PascalCase (`EventType`, `AgentInfo`); real events are camelCase.
 */
export const ConnectContactEventDetail = z.preprocess(
  lowerFirstLetterKeys,
  z
    .object({
      eventType: z.string().min(1),
      contactId: z.string().min(1),
      initialContactId: z.string().nullish(),
      previousContactId: z.string().nullish(),
      channel: z.string().transform((channel) => channel.toUpperCase()),
      initiationMethod: z.string().optional(),
      initiationTimestamp: optionalTimestamp,
      connectedToSystemTimestamp: optionalTimestamp,
      disconnectTimestamp: optionalTimestamp,
      disconnectReason: z.union([z.string(), z.object({ code: z.string() }).loose().transform((reason) => reason.code)]).optional(),
      queueInfo: z.object({ queueArn: z.string().optional(), enqueueTimestamp: optionalTimestamp }).loose().optional(),
      agentInfo: z
        .object({
          agentArn: z.string().optional(),
          acceptedByAgentTimestamp: optionalTimestamp,
          connectedToAgentTimestamp: optionalTimestamp,
          afterContactWorkEndTimestamp: optionalTimestamp,
        })
        .loose()
        .optional(),
    })
    .loose(),
);
export type ConnectContactEventDetail = z.infer<typeof ConnectContactEventDetail>;

/** The EventBridge envelope around a contact event. */
export const ConnectContactEvent = z
  .object({ id: z.string().min(1), 'detail-type': z.literal('Amazon Connect Contact Event'), source: z.literal('aws.connect'), time: Timestamp, detail: ConnectContactEventDetail })
  .loose();
export type ConnectContactEvent = z.infer<typeof ConnectContactEvent>;

/** One contact on the agent's CCP, in an agent event snapshot (admin guide, "Agent event streams data model"). */
export const ConnectAgentContact = z
  .object({ ContactId: z.string().min(1), Channel: z.string().nullish(), State: z.string().min(1), StateStartTimestamp: Timestamp, ConnectedToAgentTimestamp: optionalTimestamp })
  .loose();
export type ConnectAgentContact = z.infer<typeof ConnectAgentContact>;

const ConnectAgentSnapshot = z.object({ Contacts: z.array(ConnectAgentContact).nullish() }).loose();

/** One agent event stream record (Kinesis), as the relay forwards it. */
export const ConnectAgentEvent = z
  .object({
    AgentARN: z.string().min(1),
    EventId: z.string().min(1),
    EventTimestamp: Timestamp,
    EventType: z.string().min(1),
    CurrentAgentSnapshot: ConnectAgentSnapshot.nullish(),
    PreviousAgentSnapshot: ConnectAgentSnapshot.nullish(),
  })
  .loose();
export type ConnectAgentEvent = z.infer<typeof ConnectAgentEvent>;

/** A webhook delivery is one of the two streams the relay forwards. */
export type ConnectDelivery = { stream: 'contact-events'; event: ConnectContactEvent } | { stream: 'agent-events'; event: ConnectAgentEvent };
