import { exampleQueueConfig } from '@icc/protocol';
import { withVendorQueueSettings } from './vendor-queue-settings';

describe('withVendorQueueSettings', () => {
  const queue = exampleQueueConfig({ defaultMode: 'agent-first', pacing: 1 });

  it("overrides the configured fields with the vendor's and keeps the rest", () => {
    const merged = withVendorQueueSettings(queue, { defaultMode: 'customer-first', pacing: 2.5, answerDetection: { answeringMachine: 'hang-up' } });
    expect(merged).toEqual({ ...queue, defaultMode: 'customer-first', pacing: 2.5, answerDetection: { answeringMachine: 'hang-up' } });
  });

  it('leaves the queue as configured when the vendor has nothing for it', () => {
    expect(withVendorQueueSettings(queue, undefined)).toBe(queue);
  });
});
