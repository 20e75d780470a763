import { z } from 'zod';

/*
 * The simulator's own reading of the Platform API requests it serves, written from the SDK model
 * docs (CreateCallbackCommand, MediaParticipantRequest, PatchCallbackRequest, CallCommand,
 * WrapupInput, UserPresence, RoutingStatus, ChannelTopic). Strict where Genesys is strict (enums,
 * required fields), so the contract test catches an adapter that sends something Genesys refuses.
 */

const MediaParticipantRequest = z.strictObject({
  wrapup: z.looseObject({ code: z.string() }).optional(),
  state: z.enum(['alerting', 'dialing', 'contacting', 'offering', 'connected', 'disconnected', 'terminated', 'converting', 'uploading', 'transmitting', 'none']).optional(),
  recording: z.boolean().optional(),
  muted: z.boolean().optional(),
  confined: z.boolean().optional(),
  held: z.boolean().optional(),
  wrapupSkipped: z.boolean().optional(),
});

export const SIMULATOR_REQUEST_SCHEMAS = {
  'POST /oauth/token': z.strictObject({ grant_type: z.literal('client_credentials') }),
  'POST /api/v2/conversations/callbacks': z
    .strictObject({
      scriptId: z.string().optional(),
      queueId: z.string().optional(),
      routingData: z.looseObject({ queueId: z.string().optional() }).optional(),
      callbackUserName: z.string().max(256).optional(),
      callbackNumbers: z.array(z.string().regex(/^\+?[0-9 ()-]{3,}$/)).min(1),
      callbackScheduledTime: z.iso.datetime({ offset: true }).optional(),
      countryCode: z.string().optional(),
      validateCallbackNumbers: z.boolean().optional(),
      data: z.record(z.string(), z.string()).optional(),
    })
    .refine((body) => body.queueId !== undefined || body.routingData?.queueId !== undefined, 'Either queueId or routingData is required'),
  'PATCH /api/v2/conversations/callbacks': z.strictObject({
    conversationId: z.string().min(1),
    queueId: z.string().optional(),
    agentId: z.string().optional(),
    callbackScheduledTime: z.iso.datetime({ offset: true }).optional(),
  }),
  'PATCH /api/v2/conversations/callbacks/{conversationId}': z.looseObject({ state: z.literal('disconnected') }),
  'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}': MediaParticipantRequest,
  'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/attributes': z.strictObject({
    attributes: z.record(z.string(), z.string()),
  }),
  'PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}': MediaParticipantRequest,
  'POST /api/v2/conversations/calls/{conversationId}': z.strictObject({ callNumber: z.string().min(1), phoneColumn: z.string().optional() }),
  'POST /api/v2/conversations/{media}/{conversationId}/participants/{participantId}/communications/{communicationId}/wrapup': z.strictObject({
    code: z.string().min(1),
    name: z.string().optional(),
    notes: z.string().optional(),
    tags: z.array(z.string()).optional(),
    durationSeconds: z.number().int().optional(),
  }),
  'POST /api/v2/conversations/{conversationId}/participants/{participantId}/digits': z.strictObject({ digits: z.string().regex(/^[0-9*#A-D]+$/) }),
  'PATCH /api/v2/users/{userId}/presences/purecloud': z.strictObject({
    presenceDefinition: z.looseObject({ id: z.string().min(1), systemPresence: z.string().optional() }),
    message: z.string().optional(),
  }),
  'PUT /api/v2/users/{userId}/routingstatus': z.strictObject({ status: z.enum(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']) }),
  'PUT /api/v2/notifications/channels/{channelId}/subscriptions': z.array(z.strictObject({ id: z.string().regex(/^v2\.[A-Za-z0-9.{}_-]+$/) })),
  'POST /api/v2/notifications/channels': z.undefined(),
  'GET /api/v2/routing/queues/{queueId}': z.undefined(),
  'GET /api/v2/conversations/{conversationId}': z.undefined(),
} as const;

export type SimulatorEndpoint = keyof typeof SIMULATOR_REQUEST_SCHEMAS;
