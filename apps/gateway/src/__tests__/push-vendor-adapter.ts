import { createMockAdapter } from '@icc/adapter-mock';
import { IccError, type CcaasAdapterV1 } from '@icc/core';
import { SelectablePresence } from '@icc/protocol';
import { z } from 'zod';

/** The wire format of the test-only "pushy" vendor: agent presence changes. */
const PushyDelivery = z.object({ kind: z.literal('presence'), agent: z.string(), status: SelectablePresence });

/**
 * Test-only push vendor: the mock vendor's behaviour plus `ingest`, which translates a delivery
 * into the port call whose events reach the sink like any other vendor event.
 */
export function createPushVendorAdapter(): CcaasAdapterV1 & { deliveries: string[] } {
  const mock = createMockAdapter();
  const deliveries: string[] = [];
  return {
    ...mock,
    vendor: 'pushy',
    deliveries,
    async ingest(request) {
      deliveries.push(request.rawBody);
      const parsed = PushyDelivery.safeParse(JSON.parse(request.rawBody));
      if (!parsed.success) throw new IccError('validation_failed', 'Unknown pushy delivery');
      return mock.setPresence(parsed.data.agent, parsed.data.status);
    },
  };
}
