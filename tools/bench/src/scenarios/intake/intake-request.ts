import { exampleCreateCallbackRequest } from '@icc/protocol';
import { BENCH_QUEUE_ID } from '../../fixtures/bench-configuration';

/** A realistic public intake body (IVR callback request with customer, reason, IVR path, attributes). */
export function intakeRequestBody(): string {
  return JSON.stringify(
    exampleCreateCallbackRequest({
      queueId: BENCH_QUEUE_ID,
      notes: 'Customer called twice this week; prefers the mobile number.',
      accountRef: 'AC-99120',
      attributes: { productModel: 'AX-3000', firmware: '4.2.1', ivrLanguage: 'en', segment: 'consumer' },
    }),
  );
}
