import { ConnectClient } from '@aws-sdk/client-connect';
import { createAwsSdkSender, sleepOnClock, type AwsSdkSender } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import type { AmazonConnectAdapterConfig } from './connect-config';

export interface ConnectApi {
  /** One Connect operation through the SDK (which signs it with SigV4), on the kit's retry loop. */
  send: AwsSdkSender;
  destroy(): void;
}

export function createConnectApi(config: AmazonConnectAdapterConfig, clock: Clock, signal: AbortSignal): ConnectApi {
  const client = new ConnectClient({
    region: config.region,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
    // The SDK would sleep on real timers between its own retries; ours wait on the adapter's clock.
    maxAttempts: 1,
  });
  const retry = { ...config.retry, sleep: sleepOnClock(clock), now: () => clock.now() };
  return { send: createAwsSdkSender({ vendor: 'amazon-connect', client, signal, retry }), destroy: () => client.destroy() };
}
