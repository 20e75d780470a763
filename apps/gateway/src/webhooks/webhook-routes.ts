import { ICC_WEBHOOK_SCHEME, verifyIccWebhook } from '@icc/adapter-kit';
import { IccError } from '@icc/core';
import { z } from 'zod';
import type { GatewayServices } from '../composition/gateway-services';
import { VENDOR_CALL_ERRORS } from '../routes/path-params';
import { defineRoute, rawBody, reply } from '../routes/route-definition';

/** A delivery is received at most one tolerance away from its timestamp, and accepted until one tolerance after it. */
const REPLAY_WINDOW_MS = 2 * ICC_WEBHOOK_SCHEME.toleranceSeconds * 1000;

/**
 * Deliveries being processed, per gateway (per vendor, as the store keys them): a copy arriving meanwhile is refused.
 * The store records a delivery only once processed, so one cut short by a crash is accepted when the vendor retries it
 * (adapters apply a delivery once).
 */
const inFlightByGateway = new WeakMap<GatewayServices, Set<string>>();

/** `POST /v1/vendors/:vendor/events`: signed push deliveries, raw body kept for the signature. */
export const vendorEventsRoute = defineRoute({
  operationId: 'receiveVendorEvents',
  method: 'post',
  path: '/v1/vendors/:vendor/events',
  summary: 'Signed push delivery from a vendor',
  description: 'A delivery the adapter failed on, or answered 503, may be retried with the same X-ICC-Delivery-Id.',
  access: 'public',
  params: z.object({ vendor: z.string() }),
  headers: z.object({
    'x-icc-timestamp': z.string().meta({ description: 'Unix seconds' }),
    'x-icc-signature': z.string().meta({
      description: 'v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
    }),
    'x-icc-delivery-id': z.string().max(200),
  }),
  body: rawBody(z.unknown(), "The vendor's event payload, signed as sent"),
  responses: { 200: z.object({ events: z.number().int() }) },
  errors: ['not_found', 'validation_failed', 'invalid_signature', 'stale_signature', 'replayed_event', ...VENDOR_CALL_ERRORS],
  async handle({ params: { vendor }, body, req }, { services }) {
    const { adapter, store, timerClock } = services;
    if (vendor !== adapter.vendor || !adapter.ingest) {
      throw new IccError('not_found', `Vendor "${vendor}" does not push events to this gateway (configured: ${adapter.vendor})`);
    }
    if (!services.webhookSecret) throw new IccError('not_found', 'Vendor webhooks are disabled; set ICC_WEBHOOK_SECRET');
    const rawBody = body.toString('utf8');
    const nowMs = timerClock.now();
    verifyIccWebhook({
      secret: services.webhookSecret,
      header: (name) => req.header(name),
      rawBody,
      now: nowMs,
    });
    const deliveryId = req.header(ICC_WEBHOOK_SCHEME.deliveryIdHeader);
    if (!deliveryId || deliveryId.length > 200) {
      throw new IccError('validation_failed', 'X-ICC-Delivery-Id is required (at most 200 characters)');
    }
    let inFlight = inFlightByGateway.get(services);
    if (!inFlight) inFlightByGateway.set(services, (inFlight = new Set()));
    const inFlightKey = JSON.stringify([vendor, deliveryId]);
    const replayed = () => new IccError('replayed_event', `Delivery ${deliveryId} was already received`);
    if (inFlight.has(inFlightKey)) throw replayed();
    // Marked in flight before the store is asked, so a copy arriving meanwhile is refused too.
    inFlight.add(inFlightKey);
    try {
      if (await store.hasWebhookDelivery(vendor, deliveryId, nowMs)) throw replayed();
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
      );
      const events = await adapter.ingest({ headers, rawBody });
      // Durable before the answer; when this fails, nothing is recorded and the vendor's retry is accepted.
      await store.recordWebhookDelivery({ vendor, deliveryId, expiresAtMs: nowMs + REPLAY_WINDOW_MS }, nowMs);
      return reply(200, { events: events.length });
    } finally {
      inFlight.delete(inFlightKey);
    }
  },
});

export const webhookRoutes = [vendorEventsRoute];
