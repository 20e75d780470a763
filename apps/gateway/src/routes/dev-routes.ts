import { E164PhoneNumber } from '@icc/protocol';
import { IccError } from '@icc/core';
import { z } from 'zod';
import { ClockAdvanceRequest } from '../http/dev-requests';
import { parseWith } from '../http/parse-with';
import { defineRoute, jsonBody, reply } from './route-definition';

const TelephonyBehaviourBody = z.strictObject({
  behaviour: z.unknown().meta({
    description:
      "The configured vendor's simulated-customer behaviour (mock: TelephonyBehaviour of @icc/adapter-mock); validated against it",
  }),
});

export const setTelephonyBehaviourRoute = defineRoute({
  operationId: 'setTelephonyBehaviour',
  method: 'put',
  path: '/v1/dev/telephony/numbers/:e164',
  summary: 'Simulated telephony behaviour of a number (development)',
  access: 'public',
  params: z.object({ e164: E164PhoneNumber }),
  body: jsonBody(TelephonyBehaviourBody),
  responses: {
    200: z.object({ phoneNumber: z.string(), behaviour: z.unknown() }),
  },
  errors: ['not_found', 'owner_unavailable'],
  async handle({ params: { e164 }, body }, { services }) {
    const telephony = services.telephony;
    if (!telephony) throw new IccError('not_found', `Vendor ${services.adapter.vendor} has no simulated telephony`);
    const { behaviour } = parseWith(z.strictObject({ behaviour: telephony.behaviourSchema }), body, 'Telephony behaviour');
    await telephony.setBehaviour(e164, behaviour);
    return reply(200, { phoneNumber: e164, behaviour });
  },
});

export const advanceClockRoute = defineRoute({
  operationId: 'advanceClock',
  method: 'post',
  path: '/v1/dev/clock/advance',
  summary: 'Advance the fake clock (ICC_FAKE_CLOCK); answered once the fired timers’ events are stored',
  access: 'public',
  body: jsonBody(ClockAdvanceRequest),
  responses: { 200: z.object({ now: z.string() }) },
  errors: ['not_found'],
  async handle({ body: { milliseconds } }, { services }) {
    const clock = services.fakeClock;
    if (!clock) throw new IccError('not_found', 'The clock is real; start the gateway with ICC_FAKE_CLOCK=<ISO instant>');
    clock.advance(milliseconds);
    // Timers that fired emit events asynchronously; answer once they are durable.
    await services.sink.idle();
    return reply(200, { now: new Date(clock.now()).toISOString() });
  },
});

export const memoryRoute = defineRoute({
  operationId: 'devMemory',
  method: 'get',
  path: '/v1/dev/memory',
  summary: 'Heap of the gateway process, after a full collection under node --expose-gc (development)',
  access: 'public',
  responses: {
    200: z.object({
      heapUsed: z.number(),
      heapTotal: z.number(),
      rss: z.number(),
      external: z.number(),
      collected: z.boolean(),
    }),
  },
  errors: [],
  handle() {
    // Under `node --expose-gc` the figure is the heap still live after a full collection: what a leak grows.
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const { heapUsed, heapTotal, rss, external } = process.memoryUsage();
    return reply(200, {
      heapUsed,
      heapTotal,
      rss,
      external,
      collected: collect !== undefined,
    });
  },
});

/** Development only: steer the vendor's simulated telephony and the fake clock; read the process's memory. */
export const devRoutes = [setTelephonyBehaviourRoute, advanceClockRoute, memoryRoute];
