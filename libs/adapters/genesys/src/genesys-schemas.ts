import { z } from 'zod';

/*
 * The Genesys Cloud Platform API v2 wire format, as the adapter reads and writes it. Field names
 * and casing are the vendor's (SDK models CreateCallbackCommand, CreateCallbackResponse, Channel,
 * CallbackMediaSettings, Conversation/Participant). Objects are loose: fields we do not use are kept.
 */

/** `POST /oauth/token` (client credentials grant). */
export const GenesysTokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});
export type GenesysTokenResponse = z.infer<typeof GenesysTokenResponse>;

/** Body of `POST /api/v2/conversations/callbacks`. */
export const GenesysCreateCallbackCommand = z.looseObject({
  scriptId: z.string().optional(),
  queueId: z.string().optional(),
  routingData: z
    .looseObject({
      queueId: z.string().optional(),
      languageId: z.string().optional(),
      priority: z.number().int().optional(),
      skillIds: z.array(z.string()).optional(),
      preferredAgentIds: z.array(z.string()).optional(),
    })
    .optional(),
  callbackUserName: z.string().optional(),
  callbackNumbers: z.array(z.string()).min(1),
  callbackScheduledTime: z.string().optional(),
  countryCode: z.string().optional(),
  validateCallbackNumbers: z.boolean().optional(),
  data: z.record(z.string(), z.string()).optional(),
});
export type GenesysCreateCallbackCommand = z.infer<typeof GenesysCreateCallbackCommand>;

export const GenesysCreateCallbackResponse = z.looseObject({
  conversation: z.looseObject({ id: z.string().min(1), selfUri: z.string().optional() }),
  callbackIdentifiers: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
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
});
export type GenesysCallbackMediaSettings = z.infer<typeof GenesysCallbackMediaSettings>;

export const GenesysQueue = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
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

const GenesysAddress = z.looseObject({
  name: z.string().optional(),
  addressNormalized: z.string().optional(),
  addressRaw: z.string().optional(),
  addressDisplayable: z.string().optional(),
});

const GenesysDisconnectReason = z.looseObject({
  type: z.string().optional(),
  code: z.number().int().optional(),
  phrase: z.string().optional(),
});

export const GenesysWrapup = z.looseObject({
  code: z.string().optional(),
  name: z.string().optional(),
  notes: z.string().optional(),
  durationSeconds: z.number().optional(),
  endTime: z.string().optional(),
});
export type GenesysWrapup = z.infer<typeof GenesysWrapup>;

/** One callback communication of a participant (`participants[].callbacks[]`). */
export const GenesysCallbackCommunication = z.looseObject({
  id: z.string(),
  state: z.string(),
  initialState: z.string().optional(),
  direction: z.string().optional(),
  held: z.boolean().optional(),
  disconnectType: z.string().optional(),
  startHoldTime: z.string().optional(),
  dialerPreview: z.unknown().optional(),
  callbackNumbers: z.array(z.string()).optional(),
  callbackUserName: z.string().optional(),
  scriptId: z.string().optional(),
  externalCampaign: z.boolean().optional(),
  skipEnabled: z.boolean().optional(),
  timeoutSeconds: z.number().int().optional(),
  connectedTime: z.string().optional(),
  disconnectedTime: z.string().optional(),
  callbackScheduledTime: z.string().optional(),
  automatedCallbackConfigId: z.string().optional(),
  wrapup: GenesysWrapup.optional(),
});
export type GenesysCallbackCommunication = z.infer<typeof GenesysCallbackCommunication>;

/** One voice call communication of a participant (`participants[].calls[]`). */
export const GenesysCallCommunication = z.looseObject({
  id: z.string(),
  state: z.string(),
  initialState: z.string().optional(),
  recording: z.boolean().optional(),
  recordingState: z.string().optional(),
  muted: z.boolean().optional(),
  confined: z.boolean().optional(),
  held: z.boolean().optional(),
  disconnectType: z.string().optional(),
  startHoldTime: z.string().optional(),
  direction: z.string().optional(),
  self: GenesysAddress.optional(),
  other: GenesysAddress.optional(),
  connectedTime: z.string().optional(),
  disconnectedTime: z.string().optional(),
  disconnectReasons: z.array(GenesysDisconnectReason).optional(),
  wrapup: GenesysWrapup.optional(),
});
export type GenesysCallCommunication = z.infer<typeof GenesysCallCommunication>;

export const GenesysParticipant = z.looseObject({
  id: z.string(),
  connectedTime: z.string().optional(),
  endTime: z.string().optional(),
  userId: z.string().optional(),
  name: z.string().optional(),
  queueId: z.string().optional(),
  purpose: z.string(),
  address: z.string().optional(),
  wrapupRequired: z.boolean().optional(),
  wrapupExpected: z.boolean().optional(),
  wrapupPrompt: z.string().optional(),
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
  recordingState: z.string().optional(),
});
export type GenesysConversation = z.infer<typeof GenesysConversation>;

/** Every message of the notification WebSocket. */
export const GenesysNotification = z.looseObject({
  topicName: z.string().min(1),
  version: z.string().optional(),
  eventBody: z.unknown(),
  metadata: z.looseObject({ CorrelationId: z.string().optional() }).optional(),
});
export type GenesysNotification = z.infer<typeof GenesysNotification>;
