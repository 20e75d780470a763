import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';

/*
 * What the adapter reads from Genesys and checks at runtime, only the fields it reads; each must
 * exist in the official SDK model (`GenesysModelChecks`). Objects are loose. Checked: what arrives
 * over the notification WebSocket (the conversation is also read back over REST) and the ids the
 * adapter keeps. Answers whose every field is optional and re-checked where it is read (queue
 * settings, topic listing, estimated wait), or whose field has a fallback (the consulted participant
 * is also found in the conversation), are typed by the SDK model instead (`genesys-client.ts`).
 */

export const GenesysCreateCallbackResponse = z.looseObject({
  conversation: z.looseObject({ id: z.string().min(1) }),
});
export type GenesysCreateCallbackResponse = z.infer<typeof GenesysCreateCallbackResponse>;

/** `POST /api/v2/notifications/channels`. */
export const GenesysChannel = z.looseObject({
  id: z.string().min(1),
  connectUri: z.string().min(1),
  expires: z.string().optional(),
});
export type GenesysChannel = z.infer<typeof GenesysChannel>;

const GenesysAddress = z.looseObject({ addressNormalized: z.string().optional() });

const GenesysDisconnectReason = z.looseObject({ type: z.string().optional(), code: z.number().int().optional() });

export const GenesysWrapup = z.looseObject({
  code: z.string().optional(),
  notes: z.string().optional(),
});
export type GenesysWrapup = z.infer<typeof GenesysWrapup>;

/** One callback communication of a participant (`participants[].callbacks[]`). */
export const GenesysCallbackCommunication = z.looseObject({
  id: z.string(),
  state: z.string(),
  disconnectType: z.string().optional(),
  timeoutSeconds: z.number().int().optional(),
  connectedTime: z.string().optional(),
  callbackScheduledTime: z.string().optional(),
});
export type GenesysCallbackCommunication = z.infer<typeof GenesysCallbackCommunication>;

/** One voice call communication of a participant (`participants[].calls[]`). */
export const GenesysCallCommunication = z.looseObject({
  id: z.string(),
  state: z.string(),
  recording: z.boolean().optional(),
  muted: z.boolean().optional(),
  held: z.boolean().optional(),
  disconnectType: z.string().optional(),
  self: GenesysAddress.optional(),
  other: GenesysAddress.optional(),
  connectedTime: z.string().optional(),
  disconnectedTime: z.string().optional(),
  disconnectReasons: z.array(GenesysDisconnectReason).optional(),
});
export type GenesysCallCommunication = z.infer<typeof GenesysCallCommunication>;

export const GenesysParticipant = z.looseObject({
  id: z.string(),
  userId: z.string().optional(),
  purpose: z.string(),
  address: z.string().optional(),
  wrapupTimeoutMs: z.number().int().optional(),
  wrapup: GenesysWrapup.optional(),
  startAcwTime: z.string().optional(),
  endAcwTime: z.string().optional(),
  alertingTimeoutMs: z.number().int().optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  calls: z.array(GenesysCallCommunication).optional(),
  callbacks: z.array(GenesysCallbackCommunication).optional(),
});
export type GenesysParticipant = z.infer<typeof GenesysParticipant>;

/** A conversation as pushed on `…conversations` topics and read by `GET /api/v2/conversations/{id}`. */
export const GenesysConversation = z.looseObject({
  id: z.string().min(1),
  participants: z.array(GenesysParticipant),
});
export type GenesysConversation = z.infer<typeof GenesysConversation>;

/** Every message of the notification WebSocket. */
export const GenesysNotification = z.looseObject({
  topicName: z.string().min(1),
  eventBody: z.unknown(),
});
export type GenesysNotification = z.infer<typeof GenesysNotification>;

/** `v2.users.{id}.routingStatus` (`UserRoutingStatusUserRoutingStatus`, status per RoutingStatus.md StatusEnum). */
export const GenesysUserRoutingStatus = z.looseObject({
  id: z.string().optional(),
  routingStatus: z.looseObject({ status: z.string().optional(), startTime: z.string().optional() }).optional(),
});
export type GenesysUserRoutingStatus = z.infer<typeof GenesysUserRoutingStatus>;

/** Every field a schema reads exists in the model (`typecheck` names the ones that do not). */
type FieldsOf<Schema extends { shape: object }, Model> = Exclude<keyof Schema['shape'], keyof Model> extends never ? true : { notInTheModel: Exclude<keyof Schema['shape'], keyof Model> };
type Holds<Check extends true> = Check;
export type GenesysModelChecks = [
  Holds<FieldsOf<typeof GenesysCreateCallbackResponse, Models.CreateCallbackResponse>>,
  Holds<FieldsOf<typeof GenesysChannel, Models.Channel>>,
  Holds<FieldsOf<typeof GenesysConversation, Models.Conversation & Models.QueueConversationEventTopicConversation>>,
  Holds<FieldsOf<typeof GenesysParticipant, Models.Participant & Models.QueueConversationEventTopicParticipant>>,
  Holds<FieldsOf<typeof GenesysCallCommunication, Models.Call & Models.QueueConversationEventTopicCall>>,
  Holds<FieldsOf<typeof GenesysCallbackCommunication, Models.Callback & Models.QueueConversationEventTopicCallback>>,
  Holds<FieldsOf<typeof GenesysWrapup, Models.Wrapup & Models.QueueConversationEventTopicWrapup>>,
  Holds<FieldsOf<typeof GenesysUserRoutingStatus, Models.UserRoutingStatusUserRoutingStatus>>,
];
