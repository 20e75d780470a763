import { ICC_WEBHOOK_SCHEME, verifyIccWebhook } from '@icc/adapter-kit';
import { IccError } from '@icc/core';
import express, { Router } from 'express';
import type { GatewayServices } from '../composition/gateway-services';
import { BODY_LIMIT_BYTES } from '../http/json-body';
import { pathParam } from '../http/path-param';

/** A delivery is received at most one tolerance away from its timestamp, and accepted until one tolerance after it. */
const REPLAY_WINDOW_MS = 2 * ICC_WEBHOOK_SCHEME.toleranceSeconds * 1000;

/** `POST /v1/vendors/:vendor/events`: signed push deliveries, raw body kept for the signature. */
export function webhooksRouter(services: GatewayServices): Router {
  const router = Router();
  const { adapter, store, timerClock } = services;
  // Deliveries being processed (per vendor, as the store keys them): a copy arriving meanwhile is refused. The store records a delivery
  // only once processed, so one cut short by a crash is accepted when the vendor retries it
  // (adapters apply a delivery once).
  const inFlight = new Set<string>();

  router.post('/v1/vendors/:vendor/events', express.raw({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req, res) => {
    const vendor = pathParam(req, 'vendor');
    if (vendor !== adapter.vendor || !adapter.ingest) {
      throw new IccError('not_found', `Vendor "${vendor}" does not push events to this gateway (configured: ${adapter.vendor})`);
    }
    if (!services.webhookSecret) throw new IccError('not_found', 'Vendor webhooks are disabled; set ICC_WEBHOOK_SECRET');
    const rawBody = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const nowMs = timerClock.now();
    verifyIccWebhook({ secret: services.webhookSecret, header: (name) => req.header(name), rawBody, now: nowMs });
    const deliveryId = req.header(ICC_WEBHOOK_SCHEME.deliveryIdHeader);
    if (!deliveryId || deliveryId.length > 200) {
      throw new IccError('validation_failed', 'X-ICC-Delivery-Id is required (at most 200 characters)');
    }
    const inFlightKey = JSON.stringify([vendor, deliveryId]);
    if (inFlight.has(inFlightKey) || store.hasWebhookDelivery(vendor, deliveryId, nowMs)) {
      throw new IccError('replayed_event', `Delivery ${deliveryId} was already received`);
    }
    inFlight.add(inFlightKey);
    try {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
      );
      const events = await adapter.ingest({ headers, rawBody });
      // Durable before the answer; when this fails, nothing is recorded and the vendor's retry is accepted.
      await store.recordWebhookDelivery({ vendor, deliveryId, expiresAtMs: nowMs + REPLAY_WINDOW_MS }, nowMs);
      res.json({ events: events.length });
    } finally {
      inFlight.delete(inFlightKey);
    }
  });
  return router;
}
