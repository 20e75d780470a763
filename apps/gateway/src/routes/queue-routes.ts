import { withVendorQueueSettings } from '@icc/core';
import { AdapterCapabilities, QueueConfig, QueueStats } from '@icc/protocol';
import { z } from 'zod';
import { defineRoute, reply } from './route-definition';

export const listQueuesRoute = defineRoute({
  operationId: 'listQueues',
  method: 'get',
  path: '/v1/queues',
  summary: 'Queues',
  access: 'agent',
  responses: { 200: z.object({ items: z.array(QueueConfig) }) },
  errors: [],
  // Settings the vendor decides (Genesys: the queue's callback media settings) show as they really are.
  handle: (_input, { services }) =>
    reply(200, { items: services.store.listQueues().map((queue) => withVendorQueueSettings(queue, services.adapter.queueSettings?.(queue.id))) }),
});

export const queueStatsRoute = defineRoute({
  operationId: 'listQueueStats',
  method: 'get',
  path: '/v1/queues/stats',
  summary: 'Queue figures (supervisors)',
  access: 'supervisor',
  responses: { 200: z.object({ items: z.array(QueueStats) }) },
  errors: [],
  handle: (_input, { services }) => reply(200, { items: services.store.queueStats(services.clock.now()) }),
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

export const queueRoutes = [listQueuesRoute, queueStatsRoute, vendorRoute];
