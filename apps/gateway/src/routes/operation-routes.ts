import { z } from 'zod';
import { IccError } from '@icc/core';
import { defineRoute, reply } from './route-definition';

const Status = z.object({ status: z.string() });

export const healthRoute = defineRoute({
  operationId: 'health',
  method: 'get',
  path: '/healthz',
  summary: 'Process is up',
  access: 'public',
  responses: { 200: Status },
  errors: [],
  handle: () => reply(200, { status: 'ok' }),
});

export const readinessRoute = defineRoute({
  operationId: 'readiness',
  method: 'get',
  path: '/readyz',
  summary: 'Ready once the store is open and the adapter started',
  access: 'public',
  responses: {
    200: {
      schema: z.object({ status: z.literal('ready') }),
      description: 'Ready',
    },
    503: {
      schema: z.object({ status: z.enum(['starting', 'shutting-down']) }),
      description: 'Starting or shutting down',
    },
  },
  errors: [],
  handle(_input, { services: { lifecycle } }) {
    if (lifecycle.isShuttingDown()) return reply(503, { status: 'shutting-down' as const });
    return lifecycle.isReady() ? reply(200, { status: 'ready' as const }) : reply(503, { status: 'starting' as const });
  },
});

export const clusterStatusRoute = defineRoute({
  operationId: 'clusterStatus',
  method: 'get',
  path: '/clusterz',
  summary: 'Cluster: this gateway, whether it runs the ACD, and which gateway holds its lease (docs/cluster.md)',
  access: 'public',
  responses: {
    200: z.object({
      instance: z.string(),
      role: z.enum(['owner', 'follower']),
      owner: z.string().nullable(),
      leaseToken: z.number().int().nullable(),
      lastPublishedSeq: z.number().int(),
    }),
  },
  errors: ['not_found', 'storage_unavailable'],
  async handle(_input, { services: { cluster } }) {
    if (!cluster) throw new IccError('not_found', 'This gateway runs alone (ICC_CLUSTER is not set)');
    return reply(200, await cluster.status());
  },
});

export const metricsRoute = defineRoute({
  operationId: 'metrics',
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics',
  access: 'public',
  responses: {
    200: {
      schema: z.string(),
      description: 'Prometheus text format',
      contentType: 'text/plain',
    },
  },
  errors: [],
  async handle(_input, { services: { metrics } }) {
    return reply(200, await metrics.registry.metrics(), {
      'Content-Type': metrics.registry.contentType,
    });
  },
});

export const openApiRoute = defineRoute({
  operationId: 'openApiDocument',
  method: 'get',
  path: '/v1/openapi.json',
  summary: 'This document: OpenAPI 3.1 generated from the route declarations',
  access: 'public',
  responses: { 200: z.record(z.string(), z.unknown()) },
  errors: [],
  handle: (_input, context) => reply(200, context.openApiDocument() as Record<string, unknown>),
});

export const operationRoutes = [healthRoute, readinessRoute, clusterStatusRoute, metricsRoute, openApiRoute];
