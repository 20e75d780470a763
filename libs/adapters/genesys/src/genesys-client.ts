import { createOAuthVendorClient, type TokenSource } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysAdapterConfig } from './genesys-config';
import {
  GenesysChannel,
  GenesysChannelTopics,
  GenesysConsultTransferResponse,
  GenesysConversation,
  GenesysCreateCallbackResponse,
  GenesysEstimatedWaitTime,
  GenesysQueue,
} from './genesys-schemas';

type Media = 'callbacks' | 'calls';

/**
 * The Platform API endpoints the adapter uses, each a typed method over the shared vendor HTTP
 * client. Every request body is the official SDK model of its endpoint (`Models.*` of
 * `purecloud-platform-client-v2`, the type the SDK's own method takes), so a body that stops
 * matching Genesys's model fails `typecheck`.
 */
export interface GenesysClient {
  readonly tokens: TokenSource;
  getQueue(queueId: string): Promise<GenesysQueue>;
  /** `GET /api/v2/routing/queues/{queueId}/mediatypes/callback/estimatedwaittime`. */
  getCallbackEstimatedWait(queueId: string): Promise<GenesysEstimatedWaitTime>;
  createCallback(body: Models.CreateCallbackCommand): Promise<GenesysCreateCallbackResponse>;
  getConversation(conversationId: string): Promise<GenesysConversation>;
  /** `PATCH /api/v2/conversations/callbacks/{id}` `{ state: 'disconnected' }`: ends every participant. */
  disconnectCallback(conversationId: string): Promise<void>;
  rescheduleCallback(body: Models.PatchCallbackRequest): Promise<void>;
  patchParticipant(media: Media, conversationId: string, participantId: string, body: Models.MediaParticipantRequest): Promise<void>;
  patchParticipantAttributes(conversationId: string, participantId: string, attributes: Record<string, string>): Promise<void>;
  /** `POST /api/v2/conversations/{callbacks|calls}/{id}/participants/{id}/replace` (not the deprecated `/conversations/{id}/…/replace`). */
  replaceParticipant(media: Media, conversationId: string, participantId: string, body: Models.TransferRequest): Promise<void>;
  /** Blind transfer: `POST /api/v2/conversations/{id}/participants/{id}/replace/agent` (the current blind transfer API). */
  replaceWithAgent(conversationId: string, participantId: string, body: Models.TransferToAgentRequest): Promise<void>;
  /** `POST /api/v2/conversations/calls/{id}/participants/{id}/consult/agent` (not the deprecated `…/consult`). */
  consultAgent(conversationId: string, participantId: string, body: Models.ConsultTransferToAgent): Promise<GenesysConsultTransferResponse>;
  /** `PATCH …/consult`: who the initiating agent speaks to (`CONFERENCE`: everybody). */
  updateConsult(conversationId: string, participantId: string, body: Models.ConsultTransferUpdate): Promise<void>;
  /** `DELETE …/consult`: "Cancel the transfer". */
  cancelConsult(conversationId: string, participantId: string): Promise<void>;
  placeCall(conversationId: string, callNumber: string): Promise<void>;
  applyWrapup(media: Media, conversationId: string, participantId: string, communicationId: string, body: Models.WrapupInput & { code: string }): Promise<void>;
  sendDigits(conversationId: string, participantId: string, digits: string): Promise<void>;
  setPresence(userId: string, body: Models.UserPresence & { presenceDefinition: { id: string } }): Promise<void>;
  setRoutingStatus(userId: string, body: Models.RoutingStatus): Promise<void>;
  createChannel(): Promise<GenesysChannel>;
  /** `PUT …/subscriptions?ignoreErrors=true`: a topic the client may not see is reported `Rejected` instead of failing them all. */
  subscribe(channelId: string, topics: readonly string[]): Promise<GenesysChannelTopics>;
}

export interface GenesysClientOptions {
  config: GenesysAdapterConfig;
  clock: Clock;
  signal: AbortSignal;
  random?: (() => number) | undefined;
  fetch?: typeof globalThis.fetch | undefined;
}

export function createGenesysClient({ config, clock, signal, random, fetch }: GenesysClientOptions): GenesysClient {
  const { tokens, call } = createOAuthVendorClient({
    vendor: 'genesys',
    baseUrl: config.baseUrl,
    authUrl: config.authUrl,
    tokenPath: '/oauth/token',
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    refreshMarginMs: config.tokenRefreshMarginMs,
    maxAttempts: config.maxAttempts,
    baseDelayMs: config.baseDelayMs,
    maxDelayMs: config.maxDelayMs,
    clock,
    signal,
    ...(random ? { random } : {}),
    ...(fetch ? { fetch } : {}),
  });
  const enc = encodeURIComponent;
  const consultPath = (conversationId: string, participantId: string) => `/api/v2/conversations/calls/${enc(conversationId)}/participants/${enc(participantId)}/consult`;

  return {
    tokens,
    getQueue: (queueId) => call({ method: 'GET', path: `/api/v2/routing/queues/${enc(queueId)}` }, (body) => GenesysQueue.parse(body)),
    getCallbackEstimatedWait: (queueId) =>
      call({ method: 'GET', path: `/api/v2/routing/queues/${enc(queueId)}/mediatypes/callback/estimatedwaittime` }, (body) => GenesysEstimatedWaitTime.parse(body)),
    createCallback: (body) =>
      // No idempotency key in Genesys: a 500 or a lost answer is not retried (the adapter closes the orphan if it shows up).
      call({ method: 'POST', path: '/api/v2/conversations/callbacks', body }, (answer) => GenesysCreateCallbackResponse.parse(answer)),
    getConversation: (conversationId) =>
      call({ method: 'GET', path: `/api/v2/conversations/${enc(conversationId)}` }, (body) => GenesysConversation.parse(body)),
    disconnectCallback: (conversationId) =>
      call({ method: 'PATCH', path: `/api/v2/conversations/callbacks/${enc(conversationId)}`, body: { state: 'disconnected' } satisfies Partial<Models.Conversation>, idempotent: true }),
    rescheduleCallback: (body) => call({ method: 'PATCH', path: '/api/v2/conversations/callbacks', body, idempotent: true }),
    patchParticipant: (media, conversationId, participantId, body) =>
      call({ method: 'PATCH', path: `/api/v2/conversations/${media}/${enc(conversationId)}/participants/${enc(participantId)}`, body, idempotent: true }),
    patchParticipantAttributes: (conversationId, participantId, attributes) =>
      call({
        method: 'PATCH',
        path: `/api/v2/conversations/callbacks/${enc(conversationId)}/participants/${enc(participantId)}/attributes`,
        body: { attributes } satisfies Models.ParticipantAttributes,
        idempotent: true,
      }),
    replaceParticipant: (media, conversationId, participantId, body) =>
      call({ method: 'POST', path: `/api/v2/conversations/${media}/${enc(conversationId)}/participants/${enc(participantId)}/replace`, body }),
    replaceWithAgent: (conversationId, participantId, body) =>
      call({ method: 'POST', path: `/api/v2/conversations/${enc(conversationId)}/participants/${enc(participantId)}/replace/agent`, body }),
    consultAgent: (conversationId, participantId, body) =>
      call({ method: 'POST', path: `${consultPath(conversationId, participantId)}/agent`, body }, (answer) => GenesysConsultTransferResponse.parse(answer)),
    updateConsult: (conversationId, participantId, body) =>
      call({ method: 'PATCH', path: consultPath(conversationId, participantId), body, idempotent: true }).then(() => undefined),
    cancelConsult: (conversationId, participantId) => call({ method: 'DELETE', path: consultPath(conversationId, participantId), idempotent: true }),
    placeCall: (conversationId, callNumber) =>
      call({ method: 'POST', path: `/api/v2/conversations/calls/${enc(conversationId)}`, body: { callNumber } satisfies Models.CallCommand }, (body) => GenesysConversation.parse(body)).then(() => undefined),
    applyWrapup: (media, conversationId, participantId, communicationId, body) =>
      call({
        method: 'POST',
        path: `/api/v2/conversations/${media}/${enc(conversationId)}/participants/${enc(participantId)}/communications/${enc(communicationId)}/wrapup`,
        body,
        idempotent: true,
      }),
    sendDigits: (conversationId, participantId, digits) =>
      call({ method: 'POST', path: `/api/v2/conversations/${enc(conversationId)}/participants/${enc(participantId)}/digits`, body: { digits } satisfies Models.Digits }),
    setPresence: (userId, body) => call({ method: 'PATCH', path: `/api/v2/users/${enc(userId)}/presences/purecloud`, body, idempotent: true }),
    setRoutingStatus: (userId, body) => call({ method: 'PUT', path: `/api/v2/users/${enc(userId)}/routingstatus`, body }),
    createChannel: () => call({ method: 'POST', path: '/api/v2/notifications/channels' }, (body) => GenesysChannel.parse(body)),
    subscribe: (channelId, topics) =>
      call(
        {
          method: 'PUT',
          path: `/api/v2/notifications/channels/${enc(channelId)}/subscriptions?ignoreErrors=true`,
          body: topics.map((id) => ({ id }) satisfies Models.ChannelTopic),
          idempotent: true,
        },
        (body) => GenesysChannelTopics.parse(body),
      ),
  };
}
