import {
  AdapterCapabilities,
  CreateQueueRequest,
  QueueConfig,
  QueueConfigRevision,
  QueueSlotList,
  QueueSlotsQuery,
  QueueStats,
  ReplaceQueueRequest,
  UpdateQueueRequest,
} from '@icc/protocol';
import { IccError } from '@icc/core';
import { z } from 'zod';
import { mayConfigureQueues } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { ifMatchVersion, versionTag } from '../http/if-match-version';
import { IdParams, VENDOR_CALL_ERRORS } from './path-params';
import { CREATED_VERSIONED_HEADERS, VERSION_TAG_HEADERS } from './response-headers';
import { defineRoute, jsonBody, reply } from './route-definition';

/**
 * Queue configuration follows the role alone (`QUEUE_CONFIGURATION_POLICY`): reads are for every
 * signed-in agent (`access: 'agent'`), writes are checked here.
 */
function assertMayChangeQueues(principal: Principal): void {
  if (!mayConfigureQueues(principal.role, 'write')) throw new IccError('forbidden', 'Only supervisors may change queue configuration');
}

const IF_MATCH = z.object({ 'if-match': z.string().meta({ description: 'ETag of the version the change is based on, e.g. "3" (required)' }) });
const VersionParams = z.object({ id: z.string(), version: z.coerce.number().int().min(1).max(2 ** 31) });
/**
 * Errors of every versioned write: no If-Match (428), an unreadable one (400), a stale one (412), an unknown queue;
 * and those of handing the stored version to the adapter (the version stays stored: the adapter reads it when it restarts).
 */
const VERSIONED_WRITE_ERRORS = ['forbidden', 'not_found', 'validation_failed', 'precondition_required', 'version_conflict', ...VENDOR_CALL_ERRORS] as const;

export const listQueuesRoute = defineRoute({
  operationId: 'listQueues',
  method: 'get',
  path: '/v1/queues',
  summary: 'Queues, the current version of each',
  access: 'agent',
  responses: { 200: z.object({ items: z.array(QueueConfig) }) },
  errors: [],
  handle: async (_input, { services }) => reply(200, { items: await services.queues.list() }),
});

export const queueStatsRoute = defineRoute({
  operationId: 'listQueueStats',
  method: 'get',
  path: '/v1/queues/stats',
  summary: 'Queue figures (supervisors)',
  access: 'supervisor',
  responses: { 200: z.object({ items: z.array(QueueStats) }) },
  errors: [],
  handle: async (_input, { services }) => reply(200, { items: await services.store.queueStats(services.clock.now()) }),
});

export const createQueueRoute = defineRoute({
  operationId: 'createQueue',
  method: 'post',
  path: '/v1/queues',
  summary: 'Create a queue (supervisors): version 1, ETag "1"',
  access: 'agent',
  body: jsonBody(CreateQueueRequest),
  responses: { 201: { schema: QueueConfig, description: 'Created, at version 1', headers: CREATED_VERSIONED_HEADERS } },
  errors: ['forbidden', 'already_exists', ...VENDOR_CALL_ERRORS],
  async handle({ body, principal }, { services }) {
    assertMayChangeQueues(principal);
    const created = await services.queues.create(body, principal.agentId);
    return reply(201, created, { ...versionTag(created.version), Location: `/v1/queues/${encodeURIComponent(created.id)}` });
  },
});

export const getQueueRoute = defineRoute({
  operationId: 'getQueue',
  method: 'get',
  path: '/v1/queues/:id',
  summary: 'One queue, current version (ETag: its version)',
  access: 'agent',
  params: IdParams,
  responses: { 200: { schema: QueueConfig, description: 'The queue at its current version', headers: VERSION_TAG_HEADERS } },
  errors: ['not_found'],
  async handle({ params }, { services }) {
    const queue = await services.queues.get(params.id);
    return reply(200, queue, versionTag(queue.version));
  },
});

export const replaceQueueRoute = defineRoute({
  operationId: 'replaceQueue',
  method: 'put',
  path: '/v1/queues/:id',
  summary: 'Replace a queue (supervisors, If-Match): a new version',
  access: 'agent',
  params: IdParams,
  headers: IF_MATCH,
  body: jsonBody(ReplaceQueueRequest),
  responses: { 200: { schema: QueueConfig, description: 'The queue at its current version', headers: VERSION_TAG_HEADERS } },
  errors: VERSIONED_WRITE_ERRORS,
  async handle({ params, body, principal, req }, { services }) {
    assertMayChangeQueues(principal);
    const saved = await services.queues.replace(params.id, body, ifMatchVersion(req), principal.agentId);
    return reply(200, saved, versionTag(saved.version));
  },
});

export const updateQueueRoute = defineRoute({
  operationId: 'updateQueue',
  method: 'patch',
  path: '/v1/queues/:id',
  summary: 'Change some fields of a queue (supervisors, If-Match): a new version',
  access: 'agent',
  params: IdParams,
  headers: IF_MATCH,
  body: jsonBody(UpdateQueueRequest),
  responses: { 200: { schema: QueueConfig, description: 'The queue at its current version', headers: VERSION_TAG_HEADERS } },
  errors: VERSIONED_WRITE_ERRORS,
  async handle({ params, body, principal, req }, { services }) {
    assertMayChangeQueues(principal);
    const saved = await services.queues.update(params.id, body, ifMatchVersion(req), principal.agentId);
    return reply(200, saved, versionTag(saved.version));
  },
});

export const removeQueueRoute = defineRoute({
  operationId: 'removeQueue',
  method: 'delete',
  path: '/v1/queues/:id',
  summary: 'Remove a queue with nothing open (supervisors, If-Match); its versions stay readable',
  access: 'agent',
  params: IdParams,
  headers: IF_MATCH,
  responses: { 200: { schema: QueueConfigRevision, description: 'The version that removed it' } },
  errors: [...VERSIONED_WRITE_ERRORS, 'queue_in_use'],
  async handle({ params, principal, req }, { services }) {
    assertMayChangeQueues(principal);
    return reply(200, await services.queues.remove(params.id, ifMatchVersion(req), principal.agentId));
  },
});

export const listQueueRevisionsRoute = defineRoute({
  operationId: 'listQueueRevisions',
  method: 'get',
  path: '/v1/queues/:id/versions',
  summary: 'Every version of a queue, oldest first',
  access: 'agent',
  params: IdParams,
  responses: { 200: z.object({ items: z.array(QueueConfigRevision) }) },
  errors: ['not_found'],
  async handle({ params }, { services }) {
    return reply(200, { items: await services.queues.revisions(params.id) });
  },
});

export const getQueueVersionRoute = defineRoute({
  operationId: 'getQueueVersion',
  method: 'get',
  path: '/v1/queues/:id/versions/:version',
  summary: 'One version of a queue (the one a callback recorded as queueConfigVersion)',
  access: 'agent',
  params: VersionParams,
  responses: { 200: QueueConfig },
  errors: ['not_found'],
  async handle({ params }, { services }) {
    return reply(200, await services.queues.version(params.id, params.version));
  },
});

export const listQueueSlotsRoute = defineRoute({
  operationId: 'listQueueSlots',
  method: 'get',
  path: '/v1/queues/:id/slots',
  summary:
    "Bookable starts for scheduled callbacks between from and to (at most 7 days, not before now): inside the queue's business hours, with the seats left per slot and per hour",
  access: 'agent',
  params: IdParams,
  query: QueueSlotsQuery,
  responses: { 200: QueueSlotList },
  errors: ['not_found'],
  async handle({ params, query }, { services }) {
    return reply(200, await services.booking.slots(await services.queues.get(params.id), query));
  },
});

export const vendorRoute = defineRoute({
  operationId: 'getVendor',
  method: 'get',
  path: '/v1/vendor',
  summary: 'Configured vendor and its capabilities',
  access: 'agent',
  responses: {
    200: z.object({ vendor: z.string(), capabilities: AdapterCapabilities }),
  },
  errors: [],
  handle: (_input, { services }) =>
    reply(200, {
      vendor: services.adapter.vendor,
      capabilities: services.adapter.capabilities,
    }),
});

/** Literal paths (`/v1/queues/stats`) before their parameterised siblings. */
export const queueRoutes = [
  listQueuesRoute,
  queueStatsRoute,
  createQueueRoute,
  getQueueRoute,
  replaceQueueRoute,
  updateQueueRoute,
  removeQueueRoute,
  listQueueRevisionsRoute,
  getQueueVersionRoute,
  listQueueSlotsRoute,
  vendorRoute,
];
