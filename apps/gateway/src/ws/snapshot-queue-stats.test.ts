import { asAsyncEventStore, createInMemoryEventStore } from '@icc/core';
import { createSnapshotQueueStats } from './snapshot-queue-stats';

describe('createSnapshotQueueStats', () => {
  const setUp = () => {
    const memory = createInMemoryEventStore();
    const reads = jest.spyOn(memory, 'queueStats');
    let seq = 7;
    const stats = createSnapshotQueueStats(asAsyncEventStore(memory), { lastPublishedSeq: () => seq }, 1000);
    return { reads, stats, publish: () => (seq += 1) };
  };

  it('shares one read among the hellos of one moment', async () => {
    const { reads, stats } = setUp();
    await Promise.all(Array.from({ length: 50 }, (_, index) => stats(10_000 + index, ['q-a', 'q-b'])));
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads again after an event, a change of queues, or once the read is a second old', async () => {
    const { reads, stats, publish } = setUp();
    await stats(10_000, ['q-a']);
    publish();
    await stats(10_001, ['q-a']);
    await stats(10_002, ['q-a', 'q-b']);
    await stats(11_002, ['q-a', 'q-b']);
    await stats(11_003, ['q-a', 'q-b']);
    expect(reads.mock.calls.map(([now]) => now)).toEqual([10_000, 10_001, 10_002, 11_002]);
  });

  it('forgets a failed read', async () => {
    const { reads, stats } = setUp();
    reads.mockImplementationOnce(() => {
      throw new Error('connection lost');
    });
    await expect(stats(10_000, ['q-a'])).rejects.toThrow('connection lost');
    await expect(stats(10_001, ['q-a'])).resolves.toEqual([]);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});
