import {
  AdapterCapabilities,
  Agent,
  Callback,
  CallbackPage,
  CancelCallbackRequest,
  CreateCallbackRequest,
  DevTokenRequest,
  ErrorBody,
  Interaction,
  InteractionCommandRequest,
  InteractionList,
  ListCallbacksQuery,
  ListInteractionsQuery,
  PROTOCOL_VERSION,
  CreateQueueRequest,
  QueueConfig,
  QueueConfigRevision,
  QueuePosition,
  ReplaceQueueRequest,
  UpdateQueueRequest,
  QueueStats,
  RescheduleCallbackRequest,
  SetPresenceRequest,
  TokenResponse,
  UpdateCallbackRequest,
} from '@icc/protocol';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { ClockAdvanceRequest, TelephonyBehaviourRequest } from '../http/dev-requests';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const ok = (schema: z.ZodType, description = 'OK') => ({ description, ...json(schema) });
const items = (schema: z.ZodType) => z.object({ items: z.array(schema) });
const failure = (description: string) => ({ description, ...json(ErrorBody) });

const ERROR_RESPONSES = {
  '400': failure('validation_failed, malformed_json or idempotency_key_invalid'),
  '401': failure('unauthorized, invalid_signature or stale_signature'),
  '403': failure('forbidden'),
  '404': failure('not_found'),
  '409': failure('invalid_transition, idempotency_conflict, replayed_event, already_exists or queue_in_use'),
  '412': failure('version_conflict: If-Match names a version that is no longer the current one'),
  '413': failure('payload_too_large'),
  '415': failure('unsupported_media_type'),
  '422': failure('capability_unsupported'),
  '428': failure('precondition_required: send If-Match'),
  '429': failure('rate_limited (see Retry-After)'),
  '502': failure('vendor_unavailable'),
  '503': failure('storage_unavailable or shutting_down'),
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

const bearer = [{ agentToken: [] }];
const idPath = z.object({ id: z.string() });

function operation(
  summary: string,
  responses: ZodOpenApiResponsesObject,
  errors: ErrorStatus[],
  extra: Partial<ZodOpenApiOperationObject> = {},
): ZodOpenApiOperationObject {
  const errorResponses = Object.fromEntries(errors.map((status) => [status, ERROR_RESPONSES[status]]));
  return { summary, security: bearer, ...extra, responses: { ...responses, ...errorResponses } };
}

/** Versioned resources: the version as ETag, sent back as If-Match on writes. */
const versioned = (schema: z.ZodType, description = 'OK') => ({
  ...ok(schema, description),
  headers: z.object({ ETag: z.string().meta({ description: 'The version, quoted: "3"' }) }),
});
const IF_MATCH = z.object({ 'if-match': z.string().meta({ description: 'ETag of the version the change is based on: "3"' }) });

const body = (schema: z.ZodType) => ({ requestBody: { required: true, ...json(schema) } });
const BODY_ERRORS: ErrorStatus[] = ['400', '401', '413', '415'];

/** OpenAPI 3.1 of docs/api.md, generated from the protocol's zod schemas. */
export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'ICC Callbacks gateway', version: PROTOCOL_VERSION },
    components: {
      securitySchemes: { agentToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths: {
      '/v1/auth/dev-agents': {
        get: operation('Demo agents for the sign-in picker (development only)', { '200': ok(items(Agent)) }, [], { security: [] }),
      },
      '/v1/auth/dev-token': {
        post: operation('Sign in as a demo agent (development only)', { '200': ok(TokenResponse) }, ['400', '404', '413', '415'], {
          security: [],
          ...body(DevTokenRequest),
        }),
      },
      '/v1/me': { get: operation('The signed-in agent', { '200': ok(Agent) }, ['401']) },
      '/v1/callbacks': {
        post: operation(
          'Request a callback (public intake, rate limited per client IP)',
          { '201': ok(Callback, 'Created'), '200': ok(Callback, 'Same Idempotency-Key and body: the existing callback') },
          ['400', '404', '409', '413', '415', '429', '502', '503'],
          {
            security: [],
            requestParams: { header: z.object({ 'idempotency-key': z.string().max(255).optional() }) },
            ...body(CreateCallbackRequest),
          },
        ),
        get: operation('List callbacks (agents: the ones they handled)', { '200': ok(CallbackPage) }, ['400', '401'], {
          requestParams: { query: ListCallbacksQuery },
        }),
      },
      '/v1/callbacks/{idOrNumber}': {
        get: operation('One callback by id or number (CB0000123)', { '200': ok(Callback) }, ['401', '403', '404'], {
          requestParams: { path: z.object({ idOrNumber: z.string() }) },
        }),
      },
      '/v1/callbacks/{id}': {
        patch: operation('Update descriptive fields', { '200': ok(Callback) }, [...BODY_ERRORS, '403', '404', '502'], {
          requestParams: { path: idPath },
          ...body(UpdateCallbackRequest),
        }),
      },
      '/v1/callbacks/{id}/cancel': {
        post: operation('Cancel (allowed until connected)', { '200': ok(Callback) }, [...BODY_ERRORS, '403', '404', '409', '502'], {
          requestParams: { path: idPath },
          requestBody: json(CancelCallbackRequest),
        }),
      },
      '/v1/callbacks/{id}/reschedule': {
        post: operation('Reschedule', { '200': ok(Callback) }, [...BODY_ERRORS, '403', '404', '409', '422', '502'], {
          requestParams: { path: idPath },
          ...body(RescheduleCallbackRequest),
        }),
      },
      '/v1/callbacks/{id}/position': {
        get: operation('Queue position and estimated wait', { '200': ok(QueuePosition) }, ['401', '404'], {
          requestParams: { path: idPath },
        }),
      },
      '/v1/queues': {
        get: operation('Queues, current version of each', { '200': ok(items(QueueConfig)) }, ['401', '403']),
        post: operation('Create a queue (supervisors): version 1', { '201': versioned(QueueConfig, 'Created') }, [...BODY_ERRORS, '403', '409', '422'], {
          ...body(CreateQueueRequest),
        }),
      },
      '/v1/queues/{id}': {
        get: operation('One queue, current version (ETag: its version)', { '200': versioned(QueueConfig) }, ['401', '403', '404'], {
          requestParams: { path: idPath },
        }),
        put: operation('Replace a queue (supervisors): a new version', { '200': versioned(QueueConfig) }, [...BODY_ERRORS, '403', '404', '412', '422', '428'], {
          requestParams: { path: idPath, header: IF_MATCH },
          ...body(ReplaceQueueRequest),
        }),
        patch: operation('Change some fields of a queue (supervisors): a new version', { '200': versioned(QueueConfig) }, [...BODY_ERRORS, '403', '404', '412', '422', '428'], {
          requestParams: { path: idPath, header: IF_MATCH },
          ...body(UpdateQueueRequest),
        }),
        delete: operation('Remove a queue with nothing open (supervisors); its versions stay readable', { '204': { description: 'Removed' } }, ['400', '401', '403', '404', '409', '412', '428'], {
          requestParams: { path: idPath, header: IF_MATCH },
        }),
      },
      '/v1/queues/{id}/versions': {
        get: operation('Every version of a queue, oldest first', { '200': ok(items(QueueConfigRevision)) }, ['401', '403', '404'], {
          requestParams: { path: idPath },
        }),
      },
      '/v1/queues/{id}/versions/{version}': {
        get: operation('One version of a queue (the one a callback recorded as queueConfigVersion)', { '200': ok(QueueConfig) }, ['400', '401', '403', '404'], {
          requestParams: { path: z.object({ id: z.string(), version: z.string().regex(/^[1-9]\d*$/) }) },
        }),
      },
      '/v1/queues/stats': { get: operation('Queue figures (supervisors)', { '200': ok(items(QueueStats)) }, ['401', '403']) },
      '/v1/agents': { get: operation('Agents with presence', { '200': ok(items(Agent)) }, ['401']) },
      '/v1/agents/{id}/presence': {
        put: operation('Set presence (that agent or a supervisor)', { '200': ok(Agent) }, [...BODY_ERRORS, '403', '404', '502'], {
          requestParams: { path: idPath },
          ...body(SetPresenceRequest),
        }),
      },
      '/v1/vendor': {
        get: operation('Configured vendor and its capabilities', {
          '200': ok(z.object({ vendor: z.string(), capabilities: AdapterCapabilities })),
        }, ['401']),
      },
      '/v1/interactions': {
        get: operation('List interactions (agents: their own)', { '200': ok(InteractionList) }, ['400', '401'], {
          requestParams: { query: ListInteractionsQuery },
        }),
      },
      '/v1/interactions/{id}': {
        get: operation('One interaction', { '200': ok(Interaction) }, ['401', '403', '404'], { requestParams: { path: idPath } }),
      },
      '/v1/interactions/{id}/commands': {
        post: operation(
          'Send an agent command (the alternative to WebSocket command frames)',
          { '200': ok(Interaction, 'The interaction after the command') },
          [...BODY_ERRORS, '403', '404', '409', '422', '502'],
          { requestParams: { path: idPath }, ...body(InteractionCommandRequest) },
        ),
      },
      '/v1/vendors/{vendor}/events': {
        post: operation('Signed push delivery from a vendor', { '200': ok(z.object({ events: z.number().int() })) }, ['400', '401', '404', '409', '413'], {
          security: [],
          requestParams: {
            path: z.object({ vendor: z.string() }),
            header: z.object({
              'x-icc-timestamp': z.string().meta({ description: 'Unix seconds' }),
              'x-icc-signature': z.string().meta({ description: 'v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">' }),
              'x-icc-delivery-id': z.string(),
            }),
          },
          requestBody: { required: true, content: { 'application/json': { schema: z.unknown() } } },
        }),
      },
      '/v1/dev/telephony/numbers/{e164}': {
        put: operation('Simulated telephony behaviour of a number (development, mock vendor)', {
          '200': ok(z.object({ phoneNumber: z.string(), behaviour: z.unknown() })),
        }, ['400', '404'], { security: [], requestParams: { path: z.object({ e164: z.string() }) }, ...body(TelephonyBehaviourRequest) }),
      },
      '/v1/dev/clock/advance': {
        post: operation('Advance the fake clock (ICC_FAKE_CLOCK)', { '200': ok(z.object({ now: z.string() })) }, ['400', '404'], {
          security: [],
          ...body(ClockAdvanceRequest),
        }),
      },
      '/v1/dev/memory': {
        get: operation('Heap of the gateway process, after a full collection under node --expose-gc (development)', {
          '200': ok(z.object({ heapUsed: z.number(), heapTotal: z.number(), rss: z.number(), external: z.number(), collected: z.boolean() })),
        }, [], { security: [] }),
      },
      '/healthz': { get: operation('Process is up', { '200': ok(z.object({ status: z.string() })) }, [], { security: [] }) },
      '/readyz': {
        get: operation('Ready once the store is open and the adapter started', {
          '200': ok(z.object({ status: z.string() })),
          '503': ok(z.object({ status: z.string() }), 'Starting or shutting down'),
        }, [], { security: [] }),
      },
      '/metrics': {
        get: operation('Prometheus metrics', { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } } }, [], {
          security: [],
        }),
      },
    },
  });
}
