import type { QueueConfig, RetryPolicy, RoutingMode } from '@icc/protocol';
import type { GenesysCallbackMediaSettings } from './genesys-schemas';

/** What the adapter needs to know of a queue's callback media settings. */
export interface GenesysQueueSettings {
  mode: RoutingMode;
  /** Customer-first: the calls Genesys places before it gives up, and the wait between them. */
  retryPolicy: RetryPolicy;
}

/**
 * The Genesys queue decides how its callbacks are routed: `mode` (AgentFirst | CustomerFirst) and,
 * customer-first, `maxRetryCount` + 1 calls `retryDelaySeconds` apart. Settings the org left out
 * fall back to the ICC queue's configuration.
 */
export function mapGenesysQueueSettings(settings: GenesysCallbackMediaSettings | undefined, queue: QueueConfig): GenesysQueueSettings {
  const mode: RoutingMode =
    settings?.mode === 'CustomerFirst' ? 'customer-first' : settings?.mode === 'AgentFirst' ? 'agent-first' : queue.defaultMode;
  return {
    mode,
    retryPolicy: {
      maxAttempts: settings?.maxRetryCount !== undefined ? settings.maxRetryCount + 1 : queue.retryPolicy.maxAttempts,
      minIntervalSeconds: settings?.retryDelaySeconds ?? queue.retryPolicy.minIntervalSeconds,
    },
  };
}
