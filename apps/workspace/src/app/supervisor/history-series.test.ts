import type { QueueHistory } from '@icc/protocol';
import { exampleQueueHistoryPoint, exampleQueueStats } from '@icc/protocol';
import { historySeries, withLiveBacklog } from './history-series';

const point = exampleQueueHistoryPoint;

const history: QueueHistory = {
  from: '2026-03-10T08:58:00Z',
  to: '2026-03-10T09:00:00Z',
  bucketSeconds: 60,
  serviceLevelSeconds: 300,
  queues: [
    { queueId: 'q-a', points: [point('2026-03-10T08:59:00Z', { depth: 2, oldestWaitSeconds: 120, offered: 3, accepted: 1, serviceLevel: 1 }), point('2026-03-10T09:00:00Z')] },
    { queueId: 'q-b', points: [point('2026-03-10T08:59:00Z', { depth: 1, oldestWaitSeconds: 300, offered: 1, accepted: 3, missed: 1, serviceLevel: 0 }), point('2026-03-10T09:00:00Z')] },
  ],
};

describe('historySeries', () => {
  it('adds depths and counts, keeps the longest wait, weights the service level by the offers accepted', () => {
    const all = historySeries(history, undefined);
    expect(all.times).toEqual([Date.parse('2026-03-10T08:59:00Z') / 1000, Date.parse('2026-03-10T09:00:00Z') / 1000]);
    expect(all.depth).toEqual([3, 0]);
    expect(all.oldestWaitMinutes).toEqual([5, 0]);
    expect(all.offered).toEqual([4, 0]);
    expect(all.accepted).toEqual([4, 0]);
    expect(all.missed).toEqual([1, 0]);
    expect(all.serviceLevelPercent).toEqual([25, null]);
    expect(historySeries(history, 'q-a').serviceLevelPercent).toEqual([100, null]);
  });

  it('appends the stream\'s live backlog after the last bucket, and nothing before it', () => {
    const series = historySeries(history, 'q-a');
    const stats = [exampleQueueStats({ queueId: 'q-a', depth: 7, oldestWaitSeconds: 90 })];
    const live = withLiveBacklog(series, stats, 'q-a', Date.parse('2026-03-10T09:00:20Z'));
    expect(live.depth).toEqual([2, 0, 7]);
    expect(live.oldestWaitMinutes.at(-1)).toBe(1.5);
    expect(withLiveBacklog(series, stats, 'q-a', Date.parse('2026-03-10T09:00:00Z'))).toBe(series);
  });
});
