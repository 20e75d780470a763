import { E164PhoneNumber } from '@icc/protocol';
import { IccError } from '@icc/core';
import { Router } from 'express';
import type { GatewayServices } from '../composition/gateway-services';
import { z } from 'zod';
import { ClockAdvanceRequest } from './dev-requests';
import { parseWith } from './parse-with';
import { pathParam } from './path-param';

/** Development only: steer the mock vendor's telephony and the fake clock; read the process's memory. */
export function devRouter(services: GatewayServices): Router {
  const router = Router();

  router.put('/v1/dev/telephony/numbers/:e164', (req, res) => {
    const telephony = services.telephony;
    if (!telephony) throw new IccError('not_found', `Vendor ${services.adapter.vendor} has no simulated telephony`);
    const e164 = parseWith(E164PhoneNumber, pathParam(req, 'e164'), 'Phone number');
    const { behaviour } = parseWith(z.strictObject({ behaviour: telephony.behaviourSchema }), req.body, 'Telephony behaviour');
    telephony.setBehaviour(e164, behaviour);
    res.json({ phoneNumber: e164, behaviour });
  });

  router.post('/v1/dev/clock/advance', async (req, res) => {
    const clock = services.fakeClock;
    if (!clock) throw new IccError('not_found', 'The clock is real; start the gateway with ICC_FAKE_CLOCK=<ISO instant>');
    const { milliseconds } = parseWith(ClockAdvanceRequest, req.body, 'Clock advance');
    clock.advance(milliseconds);
    // Timers that fired emit events asynchronously; answer once they are durable.
    await services.sink.idle();
    res.json({ now: new Date(clock.now()).toISOString() });
  });
  router.get('/v1/dev/memory', (_req, res) => {
    // Under `node --expose-gc` the figure is the heap still live after a full collection: what a leak grows.
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const { heapUsed, heapTotal, rss, external } = process.memoryUsage();
    res.json({ heapUsed, heapTotal, rss, external, collected: collect !== undefined });
  });
  return router;
}
