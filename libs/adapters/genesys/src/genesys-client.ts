import { createOAuthVendorClient } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import type { Models } from 'purecloud-platform-client-v2';
import type { z } from 'zod';
import type { GenesysAdapterConfig } from './genesys-config';
import * as wire from './genesys-schemas';

type Media = 'callbacks' | 'calls';
export type GenesysClient = ReturnType<typeof createGenesysClient>;

const parse =
  <T>(schema: z.ZodType<T>) =>
  (body: unknown): T =>
    schema.parse(body);

/**
 * The Platform API endpoints the adapter uses. An answer without a parser is typed by its SDK
 * model only: each of its fields is optional there and checked again where it is read. Every request body is typed with the official SDK
 * model its method takes (`Models.*` of `purecloud-platform-client-v2`), so a body that stops
 * matching Genesys's model fails `typecheck`. No endpoint is a deprecated one.
 */
export function createGenesysClient(options: { config: GenesysAdapterConfig; clock: Clock; signal: AbortSignal; random?: (() => number) | undefined; fetch?: typeof fetch | undefined }) {
  const { config, clock, signal, random, fetch } = options;
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
  const participant = (media: Media | undefined, id: string, participantId: string) =>
    `/api/v2/conversations/${media ? `${media}/` : ''}${enc(id)}/participants/${enc(participantId)}`;
  const done = () => undefined;

  return {
    tokens,
    getQueue: (queueId: string) => call<Models.Queue>({ method: 'GET', path: `/api/v2/routing/queues/${enc(queueId)}` }),
    getCallbackEstimatedWait: (queueId: string) =>
      call<Models.EstimatedWaitTimePredictions>({ method: 'GET', path: `/api/v2/routing/queues/${enc(queueId)}/mediatypes/callback/estimatedwaittime` }),
    // No idempotency key in Genesys: a 500 or a lost answer is not retried (the adapter closes the orphan if it shows up).
    createCallback: (body: Models.CreateCallbackCommand) => call({ method: 'POST', path: '/api/v2/conversations/callbacks', body }, parse(wire.GenesysCreateCallbackResponse)),
    getConversation: (id: string) => call({ method: 'GET', path: `/api/v2/conversations/${enc(id)}` }, parse(wire.GenesysConversation)),
    /** `{ state: 'disconnected' }` on the callback conversation ends every participant. */
    disconnectCallback: (id: string) =>
      call({ method: 'PATCH', path: `/api/v2/conversations/callbacks/${enc(id)}`, body: { state: 'disconnected' } satisfies Partial<Models.Conversation>, idempotent: true }).then(done),
    rescheduleCallback: (body: Models.PatchCallbackRequest) => call({ method: 'PATCH', path: '/api/v2/conversations/callbacks', body, idempotent: true }).then(done),
    patchParticipant: (media: Media, id: string, participantId: string, body: Models.MediaParticipantRequest) =>
      call({ method: 'PATCH', path: participant(media, id, participantId), body, idempotent: true }).then(done),
    patchParticipantAttributes: (id: string, participantId: string, attributes: Record<string, string>) =>
      call({ method: 'PATCH', path: `${participant('callbacks', id, participantId)}/attributes`, body: { attributes } satisfies Models.ParticipantAttributes, idempotent: true }).then(done),
    replaceParticipant: (media: Media, id: string, participantId: string, body: Models.TransferRequest) =>
      call({ method: 'POST', path: `${participant(media, id, participantId)}/replace`, body }).then(done),
    /** Blind transfer (`replace/agent`, the current blind transfer API). */
    replaceWithAgent: (id: string, participantId: string, body: Models.TransferToAgentRequest) =>
      call({ method: 'POST', path: `${participant(undefined, id, participantId)}/replace/agent`, body }).then(done),
    consultAgent: (id: string, participantId: string, body: Models.ConsultTransferToAgent) =>
      call<Models.ConsultTransferResponse>({ method: 'POST', path: `${participant('calls', id, participantId)}/consult/agent`, body }),
    /** Who the consulting agent speaks to (`CONFERENCE`: everybody). */
    updateConsult: (id: string, participantId: string, body: Models.ConsultTransferUpdate) =>
      call({ method: 'PATCH', path: `${participant('calls', id, participantId)}/consult`, body, idempotent: true }).then(done),
    cancelConsult: (id: string, participantId: string) => call({ method: 'DELETE', path: `${participant('calls', id, participantId)}/consult`, idempotent: true }).then(done),
    placeCall: (id: string, callNumber: string) =>
      call({ method: 'POST', path: `/api/v2/conversations/calls/${enc(id)}`, body: { callNumber } satisfies Models.CallCommand }, parse(wire.GenesysConversation)).then(done),
    applyWrapup: (media: Media, id: string, participantId: string, communicationId: string, body: Models.WrapupInput & { code: string }) =>
      call({ method: 'POST', path: `${participant(media, id, participantId)}/communications/${enc(communicationId)}/wrapup`, body, idempotent: true }).then(done),
    sendDigits: (id: string, participantId: string, digits: string) =>
      call({ method: 'POST', path: `${participant(undefined, id, participantId)}/digits`, body: { digits } satisfies Models.Digits }).then(done),
    setPresence: (userId: string, body: Models.UserPresence & { presenceDefinition: { id: string } }) =>
      call({ method: 'PATCH', path: `/api/v2/users/${enc(userId)}/presences/purecloud`, body, idempotent: true }).then(done),
    setRoutingStatus: (userId: string, body: Models.RoutingStatus) => call({ method: 'PUT', path: `/api/v2/users/${enc(userId)}/routingstatus`, body }).then(done),
    createChannel: () => call({ method: 'POST', path: '/api/v2/notifications/channels' }, parse(wire.GenesysChannel)),
    /** `ignoreErrors=true`: a topic the client may not see is reported `Rejected` instead of failing them all. */
    subscribe: (channelId: string, topics: readonly string[]) =>
      call<Models.ChannelTopicEntityListing>({ method: 'PUT', path: `/api/v2/notifications/channels/${enc(channelId)}/subscriptions?ignoreErrors=true`, body: topics.map((id) => ({ id }) satisfies Models.ChannelTopic), idempotent: true }),
  };
}
