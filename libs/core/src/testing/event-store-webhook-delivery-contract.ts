import { useEventStore, type CreateEventStore } from './use-event-store';

const NOW = Date.parse('2026-03-10T09:00:00Z');
const WINDOW_MS = 10 * 60_000;
const delivery = (deliveryId: string, vendor = 'pushy') => ({ vendor, deliveryId, expiresAtMs: NOW + WINDOW_MS });

export function describeEventStoreWebhookDeliveryContract(createStore: CreateEventStore): void {
  describe('webhook deliveries', () => {
    const store = useEventStore(createStore);

    it('knows a recorded delivery until it expires, and no other', async () => {
      expect(await store().hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(false);
      await store().recordWebhookDelivery(delivery('d-1'), NOW);
      expect(await store().hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(true);
      expect(await store().hasWebhookDelivery('pushy', 'd-1', NOW + WINDOW_MS - 1)).toBe(true);
      expect(await store().hasWebhookDelivery('pushy', 'd-1', NOW + WINDOW_MS)).toBe(false);
      expect(await store().hasWebhookDelivery('pushy', 'd-2', NOW)).toBe(false);
    });

    it('keeps the deliveries of different vendors apart', async () => {
      await store().recordWebhookDelivery(delivery('d-1', 'pushy'), NOW);
      expect(await store().hasWebhookDelivery('other-vendor', 'd-1', NOW)).toBe(false);
      await store().recordWebhookDelivery(delivery('d-1', 'other-vendor'), NOW);
      expect(await store().hasWebhookDelivery('other-vendor', 'd-1', NOW)).toBe(true);
      expect(await store().hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(true);
    });

    it('records an expired delivery again for a new window', async () => {
      await store().recordWebhookDelivery(delivery('d-1'), NOW);
      const later = NOW + WINDOW_MS;
      await store().recordWebhookDelivery({ ...delivery('d-1'), expiresAtMs: later + WINDOW_MS }, later);
      expect(await store().hasWebhookDelivery('pushy', 'd-1', later + WINDOW_MS - 1)).toBe(true);
      expect(await store().hasWebhookDelivery('pushy', 'd-1', later + WINDOW_MS)).toBe(false);
    });

    it('forgets expired deliveries, never a recent one', async () => {
      for (let index = 0; index < 40; index += 1) await store().recordWebhookDelivery(delivery(`old-${index}`), NOW);
      const later = NOW + WINDOW_MS;
      for (let index = 0; index < 40; index += 1) {
        await store().recordWebhookDelivery({ ...delivery(`new-${index}`), expiresAtMs: later + WINDOW_MS }, later);
      }
      for (let index = 0; index < 40; index += 1) expect(await store().hasWebhookDelivery('pushy', `new-${index}`, later)).toBe(true);
      expect(await store().hasWebhookDelivery('pushy', 'old-0', later)).toBe(false);
    });

    it('records concurrent deliveries', async () => {
      await Promise.all(Array.from({ length: 12 }, (_, index) => store().recordWebhookDelivery(delivery(`d-${index}`), NOW)));
      for (let index = 0; index < 12; index += 1) expect(await store().hasWebhookDelivery('pushy', `d-${index}`, NOW)).toBe(true);
    });

    it('refuses to record once closed', async () => {
      const closing = store();
      await closing.close();
      await expect(closing.recordWebhookDelivery(delivery('d-1'), NOW)).rejects.toMatchObject({ code: 'shutting_down' });
    });
  });
}
