import fc from 'fast-check';
import { arbitraryEventHistory, describeEventStoreContract } from '../testing';
import { createInMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract('in-memory', () => createInMemoryEventStore());

describe('createInMemoryEventStore', () => {
  it('appends every history the state machine allows, event by event or all at once', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryEventHistory(80), async (history) => {
        const oneByOne = createInMemoryEventStore();
        for (const event of history) await oneByOne.append([event]);
        const atOnce = createInMemoryEventStore();
        await atOnce.append(history);
        expect(atOnce.readAfter(0, history.length)).toEqual(oneByOne.readAfter(0, history.length));
        expect(atOnce.openInteractions()).toEqual(oneByOne.openInteractions());
        expect(oneByOne.headSeq()).toBe(history.length);
      }),
      { numRuns: 50 },
    );
  });
});
