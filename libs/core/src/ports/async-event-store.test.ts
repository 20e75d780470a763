import { fixtureCreated } from '../testing/event-store-fixtures';
import { asAsyncEventStore, type AsyncEventStore } from './async-event-store';
import { createInMemoryEventStore } from './in-memory-event-store';

describe('asAsyncEventStore', () => {
  it('answers every read with a promise of what the synchronous store returns', async () => {
    const store = createInMemoryEventStore();
    const view: AsyncEventStore = asAsyncEventStore(store);
    await view.append([fixtureCreated(1)]);
    const head = view.headSeq();
    expect(head).toBeInstanceOf(Promise);
    expect(await head).toBe(1);
    expect(await view.getCallback('cb-1')).toEqual(store.getCallback('cb-1'));
    await view.close();
  });

  it('turns a synchronous throw into a rejection', async () => {
    const view = asAsyncEventStore(createInMemoryEventStore());
    await expect(view.listCallbacks({ limit: 5, cursor: 'not a cursor' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('answers the nested webhook subscription port with promises too', async () => {
    const view = asAsyncEventStore(createInMemoryEventStore());
    const listed = view.webhookSubscriptions.list();
    expect(listed).toBeInstanceOf(Promise);
    expect(await listed).toEqual([]);
    expect(await view.webhookSubscriptions.counts('whs_none')).toEqual({ pending: 0, delivered: 0, dead: 0 });
    await view.close();
  });
});
