import { MissedOffersPage, MissedOffersQuery, QueueHistory, QueueHistoryQuery } from '@icc/protocol';
import { buildQueueHistory } from '../stats/queue-history';
import { defineRoute, reply } from './route-definition';

/** Supervisor views over every queue and agent (the access policy's `SUPERVISOR_VIEWS`). */
export const queueHistoryRoute = defineRoute({
  operationId: 'getQueueHistory',
  method: 'get',
  path: '/v1/queues/stats/history',
  summary: "Each queue's last minutes in buckets, computed from the event log (supervisors)",
  description:
    'Per bucket: `depth` and `oldestWaitSeconds` at its end, `offered` / `accepted` / `missed` during it, and `serviceLevel` ' +
    '(share of the offers accepted in the bucket that were accepted within `serviceLevelSeconds` of the callback becoming due).',
  access: 'supervisor',
  query: QueueHistoryQuery,
  responses: { 200: QueueHistory },
  errors: [],
  handle: async ({ query }, { services }) => {
    const queueIds = (await services.store.listQueues()).map((queue) => queue.id);
    return reply(200, await buildQueueHistory(services.store, queueIds, services.clock.now(), query));
  },
});

export const missedOffersRoute = defineRoute({
  operationId: 'listMissedOffers',
  method: 'get',
  path: '/v1/offers/missed',
  summary: 'Offers agents let time out or rejected, newest first, with totals per agent and queue (supervisors)',
  access: 'supervisor',
  query: MissedOffersQuery,
  responses: { 200: MissedOffersPage },
  errors: [],
  handle: async ({ query }, { services }) =>
    reply(
      200,
      await services.store.missedOffers({
        agentId: query.agentId,
        queueId: query.queueId,
        reason: query.reason,
        fromMs: query.from === undefined ? undefined : Date.parse(query.from),
        toMs: query.to === undefined ? undefined : Date.parse(query.to),
        limit: query.limit,
      }),
    ),
});

export const supervisorViewRoutes = [queueHistoryRoute, missedOffersRoute];
