import { asAsyncEventStore, createInMemoryEventStore, silentLogger, systemClock } from '@icc/core';
import { Registry } from 'prom-client';
import { DEFAULT_RETRY_SETTINGS } from './retry-backoff';
import { startWebhookDispatcher } from './webhook-dispatcher';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('startWebhookDispatcher', () => {
  it('costs events no read of the subscriptions while none exist, and looks at once when one is created', async () => {
    const memory = createInMemoryEventStore();
    const list = jest.spyOn(memory.webhookSubscriptions, 'list');
    const dispatcher = startWebhookDispatcher(
      { store: asAsyncEventStore(memory), timerClock: systemClock, logger: silentLogger, registry: new Registry() },
      // No poll during the test: only wakes and `subscribed` make it look.
      { policy: { allowLocalhost: true, allowPrivateNetworks: false }, retry: DEFAULT_RETRY_SETTINGS, requestTimeoutMs: 1_000, pollMs: 60_000 },
    );
    try {
      await settle();
      expect(list).toHaveBeenCalledTimes(1); // the look at start
      for (let event = 0; event < 20; event += 1) {
        dispatcher.wake();
        await settle();
      }
      expect(list).toHaveBeenCalledTimes(1);

      await memory.webhookSubscriptions.create({
        id: 'whs_test',
        url: 'https://127.0.0.1:9/hooks',
        eventTypes: ['callback.created'],
        createdAt: '2026-03-10T14:00:00Z',
        secret: 'whsec_test',
        cursorSeq: 0,
      });
      dispatcher.subscribed();
      await settle();
      expect(list).toHaveBeenCalledTimes(2);
      // With a subscription, every wake looks again (its outbox fills from the log).
      dispatcher.wake();
      await settle();
      expect(list).toHaveBeenCalledTimes(3);
    } finally {
      await dispatcher.stop();
    }
  });
});
