import { exampleQueueConfig } from '@icc/protocol';
import { mapGenesysQueueSettings } from './genesys-map-queue-settings';

describe('mapGenesysQueueSettings', () => {
  const queue = exampleQueueConfig({ defaultMode: 'agent-first', retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } });

  it('takes mode and retries from the Genesys queue', () => {
    expect(mapGenesysQueueSettings({ mode: 'CustomerFirst', maxRetryCount: 1, retryDelaySeconds: 60 }, queue)).toEqual({
      mode: 'customer-first',
      retryPolicy: { maxAttempts: 2, minIntervalSeconds: 60 },
    });
    expect(mapGenesysQueueSettings({ mode: 'AgentFirst' }, queue).mode).toBe('agent-first');
  });

  it('falls back to the ICC queue for what the org left out', () => {
    expect(mapGenesysQueueSettings(undefined, queue)).toEqual({ mode: 'agent-first', retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } });
  });
});
