import { IccError } from '@icc/core';
import express, { Router } from 'express';
import type { GatewayServices } from '../composition/gateway-services';
import { BODY_LIMIT_BYTES } from '../http/json-body';
import { createDeliveryReplayCache } from './delivery-replay-cache';
import { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS } from './verify-webhook-signature';
import { pathParam } from '../http/path-param';

/** `POST /v1/vendors/:vendor/events`: signed push deliveries, raw body kept for the signature. */
export function webhooksRouter(services: GatewayServices): Router {
  const router = Router();
  const { adapter, timerClock } = services;
  const replays = createDeliveryReplayCache({ ttlMs: 2 * WEBHOOK_TOLERANCE_SECONDS * 1000, maxEntries: 50_000 });

  router.post('/v1/vendors/:vendor/events', express.raw({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req, res) => {
    const vendor = pathParam(req, 'vendor');
    if (vendor !== adapter.vendor || !adapter.ingest) {
      throw new IccError('not_found', `Vendor "${vendor}" does not push events to this gateway (configured: ${adapter.vendor})`);
    }
    if (!services.webhookSecret) throw new IccError('not_found', 'Vendor webhooks are disabled; set ICC_WEBHOOK_SECRET');
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const nowMs = timerClock.now();
    verifyWebhookSignature({
      secret: services.webhookSecret,
      timestampHeader: req.header('x-icc-timestamp'),
      signatureHeader: req.header('x-icc-signature'),
      rawBody,
      nowMs,
    });
    const deliveryId = req.header('x-icc-delivery-id');
    if (!deliveryId || deliveryId.length > 200) {
      throw new IccError('validation_failed', 'X-ICC-Delivery-Id is required (at most 200 characters)');
    }
    if (!replays.reserve(deliveryId, nowMs)) throw new IccError('replayed_event', `Delivery ${deliveryId} was already received`);
    try {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
      );
      const events = await adapter.ingest({ headers, rawBody });
      res.json({ events: events.length });
    } catch (error) {
      replays.release(deliveryId);
      throw error;
    }
  });
  return router;
}
