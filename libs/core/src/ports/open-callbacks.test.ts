import fc from 'fast-check';
import type { Callback } from '@icc/protocol';
import { arbitraryEventHistory, HISTORY_QUEUE_IDS } from '../testing';
import type { EventStore } from './event-store';
import { createInMemoryEventStore } from './in-memory-event-store';
import { comparableNumbers } from './open-callbacks';

/** What the read model replaces: every open interaction of the queue, its callback read and its numbers normalized. */
function scannedOpenCallbacks(store: EventStore, queueId: string): Callback[] {
  const ids = new Set(store.openInteractions().filter((interaction) => interaction.queueId === queueId).map((interaction) => interaction.callbackId));
  return [...ids]
    .map((id) => store.getCallback(id))
    .filter((callback): callback is Callback => callback !== undefined && callback.queueId === queueId && callback.closedAt === undefined);
}

describe('the open-callback read model', () => {
  it('answers as a scan of the open interactions would, after any history, appended event by event or at once', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryEventHistory(80), async (history) => {
        const oneByOne = createInMemoryEventStore();
        for (const event of history) await oneByOne.append([event]);
        const atOnce = createInMemoryEventStore();
        await atOnce.append(history);
        for (const store of [oneByOne, atOnce]) {
          for (const queueId of HISTORY_QUEUE_IDS) {
            const open = scannedOpenCallbacks(store, queueId);
            const numbers = [...new Set(open.flatMap((callback) => callback.customer.phoneNumbers))];
            const sharing = (number: string) => open.filter((callback) => comparableNumbers(callback.customer.phoneNumbers).includes(number)).map((callback) => callback.id);
            for (const number of numbers) expect(store.openCallbacksWithNumbers(queueId, [number]).map((callback) => callback.id).sort()).toEqual(sharing(number).sort());
            const starts = open.flatMap((callback) => (callback.schedule.type === 'scheduled' ? [`${callback.id}@${Date.parse(callback.schedule.start)}`] : []));
            expect(store.scheduledStartsOfQueue(queueId).map(({ callbackId, startMs }) => `${callbackId}@${startMs}`).sort()).toEqual(starts.sort());
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
