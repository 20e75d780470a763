import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';

/*
 * What the adapter reads from Genesys (untrusted input, checked at runtime), only the fields it
 * reads; each must exist in the official SDK model (`GenesysModelChecks`). Objects are loose.
 */

export const GenesysCreateCallbackResponse = z.looseObject({
  conversation: z.looseObject({ id: z.string().min(1) }),
});
export type GenesysCreateCallbackResponse = z.infer<typeof GenesysCreateCallbackResponse>;

/** `mediaSettings.callback` of `GET /api/v2/routing/queues/{queueId}`. */
export const GenesysCallbackMediaSettings = z.looseObject({
  mode: z.string().optional(),
  alertingTimeoutSeconds: z.number().int().optional(),
  enableAutoAnswer: z.boolean().optional(),
  enableAutoDialAndEnd: z.boolean().optional(),
  autoDialDelaySeconds: z.number().int().optional(),
  autoEndDelaySeconds: z.number().int().optional(),
  pacingModifier: z.number().optional(),
  maxRetryCount: z.number().int().optional(),
  retryDelaySeconds: z.number().int().optional(),
  liveVoiceReactionType: z.string().optional(),
  answeringMachineReactionType: z.string().optional(),
});
export type GenesysCallbackMediaSettings = z.infer<typeof GenesysCallbackMediaSettings>;

export const GenesysQueue = z.looseObject({
  id: z.string(),
  mediaSettings: z.looseObject({ callback: GenesysCallbackMediaSettings.optional() }).optional(),
});
export type GenesysQueue = z.infer<typeof GenesysQueue>;

/** `POST /api/v2/notifications/channels`. */
export const GenesysChannel = z.looseObject({
  id: z.string().min(1),
  connectUri: z.string().min(1),
  expires: z.string().optional(),
});
export type GenesysChannel = z.infer<typeof GenesysChannel>;

/** The answer of `PUT /api/v2/notifications/channels/{id}/subscriptions` (`ChannelTopicEntityListing`). */
export const GenesysChannelTopics = z.looseObject({
  entities: z
    .array(z.looseObject({ id: z.string(), state: z.string().optional(), rejectionReason: z.string().optional(), missingPermissions: z.array(z.string()).optional() }))
    .default([]),
});
export type GenesysChannelTopics = z.infer<typeof GenesysChannelTopics>;

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

/** `POST …/calls/{id}/participants/{id}/consult/agent` and `PATCH …/consult` (`ConsultTransferResponse`). */
export const GenesysConsultTransferResponse = z.looseObject({ destinationParticipantId: z.string().min(1) });
export type GenesysConsultTransferResponse = z.infer<typeof GenesysConsultTransferResponse>;

/** `v2.users.{id}.routingStatus` (`UserRoutingStatusUserRoutingStatus`, status per RoutingStatus.md StatusEnum). */
export const GenesysUserRoutingStatus = z.looseObject({
  id: z.string().optional(),
  routingStatus: z.looseObject({ status: z.string().optional(), startTime: z.string().optional() }).optional(),
});
export type GenesysUserRoutingStatus = z.infer<typeof GenesysUserRoutingStatus>;

/** `GET /api/v2/routing/queues/{queueId}/mediatypes/callback/estimatedwaittime` (`EstimatedWaitTimePredictions`). */
export const GenesysEstimatedWaitTime = z.looseObject({
  results: z.array(z.looseObject({ estimatedWaitTimeSeconds: z.number() })),
});
export type GenesysEstimatedWaitTime = z.infer<typeof GenesysEstimatedWaitTime>;

/** Every field a schema reads exists in the model (`typecheck` names the ones that do not). */
type FieldsOf<Schema extends { shape: object }, Model> = Exclude<keyof Schema['shape'], keyof Model> extends never ? true : { notInTheModel: Exclude<keyof Schema['shape'], keyof Model> };
type Holds<Check extends true> = Check;
export type GenesysModelChecks = [
  Holds<FieldsOf<typeof GenesysCreateCallbackResponse, Models.CreateCallbackResponse>>,
  Holds<FieldsOf<typeof GenesysQueue, Models.Queue>>,
  Holds<FieldsOf<typeof GenesysCallbackMediaSettings, Models.CallbackMediaSettings>>,
  Holds<FieldsOf<typeof GenesysChannel, Models.Channel>>,
  Holds<FieldsOf<typeof GenesysChannelTopics, Models.ChannelTopicEntityListing>>,
  Holds<FieldsOf<typeof GenesysConversation, Models.Conversation & Models.QueueConversationEventTopicConversation>>,
  Holds<FieldsOf<typeof GenesysParticipant, Models.Participant & Models.QueueConversationEventTopicParticipant>>,
  Holds<FieldsOf<typeof GenesysCallCommunication, Models.Call & Models.QueueConversationEventTopicCall>>,
  Holds<FieldsOf<typeof GenesysCallbackCommunication, Models.Callback & Models.QueueConversationEventTopicCallback>>,
  Holds<FieldsOf<typeof GenesysWrapup, Models.Wrapup & Models.QueueConversationEventTopicWrapup>>,
  Holds<FieldsOf<typeof GenesysEstimatedWaitTime, Models.EstimatedWaitTimePredictions>>,
  Holds<FieldsOf<typeof GenesysUserRoutingStatus, Models.UserRoutingStatusUserRoutingStatus>>,
  Holds<FieldsOf<typeof GenesysConsultTransferResponse, Models.ConsultTransferResponse>>,
];
