import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';

/*
 * The simulator's reading of the Platform API requests it serves, built from Genesys's official
 * SDK models (`purecloud-platform-client-v2`, `Models.*`): `modelObject<Model>()` demands one
 * schema per field of the model, each producing that field's type, and no other field. So the
 * simulator refuses exactly what the model does not have (strict), accepts every optional field a
 * real org accepts (`resumeTime`, `callerId`, …), and `typecheck` fails when the SDK models move.
 * The enums, which the TypeScript models type as plain strings, come from the same models' docs
 * (platform-client-sdk-java build/docs/<Model>.md, "Enum" sections).
 */

type ShapeOf<Model> = { [Field in keyof Model]-?: z.ZodType<Model[Field]> };

function modelObject<Model>() {
  return <Shape extends ShapeOf<Model>>(shape: Shape & Record<Exclude<keyof Shape, keyof Model>, never>) => z.strictObject(shape);
}

const isoDateTime = z.iso.datetime({ offset: true });
/** MediaParticipantRequest.md, Enum StateEnum. */
const MEDIA_PARTICIPANT_STATES = ['alerting', 'dialing', 'contacting', 'offering', 'connected', 'disconnected', 'terminated', 'converting', 'uploading', 'transmitting', 'none'] as const;
/** RoutingStatus.md, Enum StatusEnum. */
const ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;
/** Conversation.md, Enum StateEnum. */
const CONVERSATION_STATES = ['alerting', 'dialing', 'contacting', 'offering', 'connected', 'disconnected', 'terminated', 'converting', 'uploading', 'transmitting', 'parked', 'none'] as const;

const WrapupInput = modelObject<Models.WrapupInput>()({
  code: z.string().min(1).optional(),
  name: z.string().optional(),
  notes: z.string().optional(),
  tags: z.array(z.string()).optional(),
  durationSeconds: z.number().int().optional(),
  endTime: isoDateTime.optional(),
  provisional: z.boolean().optional(),
  disableEndTimeUpdates: z.boolean().optional(),
});

const MediaParticipantRequest = modelObject<Models.MediaParticipantRequest>()({
  wrapup: WrapupInput.optional(),
  state: z.enum(MEDIA_PARTICIPANT_STATES).optional(),
  recording: z.boolean().optional(),
  muted: z.boolean().optional(),
  confined: z.boolean().optional(),
  held: z.boolean().optional(),
  wrapupSkipped: z.boolean().optional(),
  resumeTime: isoDateTime.optional(),
});

const RoutingData = modelObject<Models.RoutingData>()({
  queueId: z.string().min(1),
  languageId: z.string().optional(),
  label: z.string().optional(),
  priority: z.number().int().optional(),
  skillIds: z.array(z.string()).optional(),
  skillExpression: z.string().optional(),
  preferredAgentIds: z.array(z.string()).optional(),
  scoredAgents: z.array(z.looseObject({ agent: z.looseObject({ id: z.string().optional() }).optional(), score: z.number().int().optional() })).optional(),
  routingFlags: z.array(z.string()).optional(),
});

const phoneNumber = z.string().regex(/^\+?[0-9 ()-]{3,}$/);

const CreateCallbackCommand = modelObject<Models.CreateCallbackCommand>()({
  scriptId: z.string().optional(),
  queueId: z.string().optional(),
  routingData: RoutingData.optional(),
  customerFirstCallbackDeliveryMode: z.string().optional(),
  callbackUserName: z.string().max(256).optional(),
  callbackNumbers: z.array(phoneNumber).min(1),
  callbackScheduledTime: isoDateTime.optional(),
  countryCode: z.string().optional(),
  validateCallbackNumbers: z.boolean().optional(),
  data: z.record(z.string(), z.string()).optional(),
  callerId: phoneNumber.optional(),
  callerIdName: z.string().optional(),
});

const PatchCallbackRequest = modelObject<Models.PatchCallbackRequest>()({
  conversationId: z.string().min(1),
  queueId: z.string().optional(),
  agentId: z.string().min(1),
  callbackScheduledTime: isoDateTime.optional(),
  countryCode: z.string().optional(),
  callbackNumbers: z.array(phoneNumber).optional(),
  validateCallbackNumbers: z.boolean().optional(),
  customerFirstCallbackDeliveryMode: z.string().optional(),
});

const UserPresence = modelObject<Models.UserPresence>()({
  id: z.string().optional(),
  name: z.string().optional(),
  source: z.string().optional(),
  sourceId: z.string().optional(),
  primary: z.boolean().optional(),
  presenceDefinition: z.looseObject({ id: z.string().min(1), systemPresence: z.string().optional(), selfUri: z.string().optional() }),
  futurePresenceDefinition: z.looseObject({ id: z.string().optional() }).optional(),
  message: z.string().optional(),
  modifiedDate: isoDateTime.optional(),
  selfUri: z.string().optional(),
});

const ChannelTopic = modelObject<Models.ChannelTopic>()({
  id: z.string().regex(/^v2\.[A-Za-z0-9.{}_-]+$/),
  state: z.string().optional(),
  rejectionReason: z.string().optional(),
  missingPermissions: z.array(z.string()).optional(),
  selfUri: z.string().optional(),
});

/** TransferRequest.md: `transferType` Attended | Unattended (default Unattended); "Address like a phone number can not be used for callbacks". */
const TransferRequest = modelObject<Models.TransferRequest>()({
  transferType: z.enum(['Attended', 'Unattended']).optional(),
  keepInternalMessageAlive: z.boolean().optional(),
  userId: z.string().min(1).optional(),
  address: z.string().min(1).optional(),
  userName: z.string().optional(),
  queueId: z.string().min(1).optional(),
  voicemail: z.boolean().optional(),
});

/** ConsultTransferToAgent.md / ConsultTransferUpdate.md, Enum SpeakToEnum. */
const SPEAK_TO = ['DESTINATION', 'OBJECT', 'BOTH', 'CONFERENCE'] as const;

export const SIMULATOR_REQUEST_SCHEMAS = {
  'POST /oauth/token': z.strictObject({ grant_type: z.literal('client_credentials') }),
  'POST /api/v2/conversations/callbacks': CreateCallbackCommand.refine(
    (body) => body.queueId !== undefined || body.routingData !== undefined,
    'Either queueId or routingData is required',
  ),
  'PATCH /api/v2/conversations/callbacks': PatchCallbackRequest,
  // The SDK types this body as a whole `Conversation`; disconnecting sends only its `state`.
  'PATCH /api/v2/conversations/callbacks/{conversationId}': z.looseObject({ state: z.enum(CONVERSATION_STATES) }) satisfies z.ZodType<Partial<Models.Conversation>>,
  'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}': MediaParticipantRequest,
  'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/attributes': modelObject<Models.ParticipantAttributes>()({
    attributes: z.record(z.string(), z.string()),
  }),
  'PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}': MediaParticipantRequest,
  'POST /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/replace': TransferRequest.refine(
    (body) => (body.userId === undefined) !== (body.queueId === undefined) && body.address === undefined,
    'A callback is transferred to one user (userId) or one queue (queueId); an address cannot be used for callbacks',
  ),
  'POST /api/v2/conversations/{conversationId}/participants/{participantId}/replace/agent': modelObject<Models.TransferToAgentRequest>()({
    transferType: z.enum(['Attended', 'Unattended']).optional(),
    keepInternalMessageAlive: z.boolean().optional(),
    userId: z.string().min(1).optional(),
    userName: z.string().optional(),
    userDisplayName: z.string().optional(),
    voicemail: z.boolean().optional(),
  }),
  'POST /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult/agent': modelObject<Models.ConsultTransferToAgent>()({
    speakTo: z.enum(SPEAK_TO),
    consultingUserId: z.string().optional(),
    userId: z.string().min(1).optional(),
    userDisplayName: z.string().optional(),
  }),
  'PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult': modelObject<Models.ConsultTransferUpdate>()({
    speakTo: z.enum(SPEAK_TO),
    consultingUserId: z.string().optional(),
  }),
  'DELETE /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult': z.undefined(),
  'POST /api/v2/conversations/calls/{conversationId}': modelObject<Models.CallCommand>()({ callNumber: z.string().min(1), phoneColumn: z.string().optional() }),
  'POST /api/v2/conversations/{media}/{conversationId}/participants/{participantId}/communications/{communicationId}/wrapup': WrapupInput.refine(
    (body) => body.code !== undefined,
    { message: 'A wrap-up code is required', path: ['code'] },
  ),
  'POST /api/v2/conversations/{conversationId}/participants/{participantId}/digits': modelObject<Models.Digits>()({
    digits: z.string().regex(/^[0-9*#A-D]+$/),
  }),
  'PATCH /api/v2/users/{userId}/presences/purecloud': UserPresence,
  'PUT /api/v2/users/{userId}/routingstatus': modelObject<Models.RoutingStatus>()({
    userId: z.string().optional(),
    status: z.enum(ROUTING_STATUSES),
    startTime: isoDateTime.optional(),
  }),
  'PUT /api/v2/notifications/channels/{channelId}/subscriptions': z.array(ChannelTopic),
  'POST /api/v2/notifications/channels': z.undefined(),
  'GET /api/v2/routing/queues/{queueId}': z.undefined(),
  'GET /api/v2/routing/queues/{queueId}/mediatypes/{mediaType}/estimatedwaittime': z.undefined(),
  'GET /api/v2/conversations/{conversationId}': z.undefined(),
} as const;

export type SimulatorEndpoint = keyof typeof SIMULATOR_REQUEST_SCHEMAS;
