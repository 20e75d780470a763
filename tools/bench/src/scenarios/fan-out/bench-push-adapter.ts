import { createMockAdapter } from '@icc/adapter-mock';
import { IccError, type AdapterSink, type CcaasAdapterV1 } from '@icc/core';
import { NewIccEvent } from '@icc/protocol';
import { z } from 'zod';

export const BENCH_PUSH_VENDOR = 'bench-push';

/** The wire format of the bench's push vendor: already ICC events, validated like any vendor payload. */
const BenchDelivery = z.object({ events: z.array(NewIccEvent).min(1).max(1000) });

/**
 * A push vendor for the fan-out scenario: the mock vendor's behaviour plus `ingest`, whose events
 * reach the gateway's sink (durable append, then fan-out) like any vendor's webhook events.
 */
export function createBenchPushAdapter(): CcaasAdapterV1 {
  const mock = createMockAdapter();
  let sink: AdapterSink | undefined;
  return {
    ...mock,
    vendor: BENCH_PUSH_VENDOR,
    async start(context) {
      sink = context.sink;
      await mock.start(context);
    },
    async ingest(request) {
      if (!sink) throw new IccError('vendor_unavailable', 'The bench vendor is not started');
      const parsed = BenchDelivery.safeParse(JSON.parse(request.rawBody));
      if (!parsed.success) throw new IccError('validation_failed', `Unknown bench delivery: ${parsed.error.message}`);
      return sink.emit(parsed.data.events);
    },
  };
}
