import { MissedOffersQuery, QueueHistoryQuery } from '@icc/protocol';
import { Router } from 'express';
import { authenticate, requireSupervisorView } from '../auth/authenticate';
import type { GatewayServices } from '../composition/gateway-services';
import { buildQueueHistory } from '../stats/queue-history';
import { parseWith } from './parse-with';

/** Views over every agent and queue (see `SUPERVISOR_VIEWS` in the access policy). */
export function supervisorViewsRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, clock, tokens } = services;
  const requireAgent = authenticate(tokens);
  router.get('/v1/queues/stats/history', requireAgent, requireSupervisorView('queue-history'), (req, res) => {
    const query = parseWith(QueueHistoryQuery, req.query, 'Queue history query');
    const queueIds = store.listQueues().map((queue) => queue.id);
    res.json(buildQueueHistory(store, queueIds, clock.now(), query));
  });
  router.get('/v1/offers/missed', requireAgent, requireSupervisorView('missed-offers'), (req, res) => {
    const query = parseWith(MissedOffersQuery, req.query, 'Missed offers query');
    res.json(
      store.missedOffers({
        agentId: query.agentId,
        queueId: query.queueId,
        reason: query.reason,
        fromMs: query.from === undefined ? undefined : Date.parse(query.from),
        toMs: query.to === undefined ? undefined : Date.parse(query.to),
        limit: query.limit,
      }),
    );
  });
  return router;
}
