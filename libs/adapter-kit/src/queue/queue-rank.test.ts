import { exampleInteraction } from '@icc/protocol';
import { queueRank } from './queue-rank';

describe('queueRank', () => {
  const queued = (id: string, requestedAt: string, overrides: Parameters<typeof exampleInteraction>[0] = {}) =>
    exampleInteraction({ id, state: 'queued', queueId: 'q-support', requestedAt, ...overrides });

  it('ranks by when the interaction joined the line (scheduled start, else request), then by id, within its queue', () => {
    const early = queued('ix-b', '2026-03-10T09:00:00Z');
    const tie = queued('ix-a', '2026-03-10T09:00:00Z');
    const scheduled = queued('ix-c', '2026-03-10T08:00:00Z', { scheduledAt: '2026-03-10T10:00:00Z' });
    const otherQueue = queued('ix-d', '2026-03-10T07:00:00Z', { queueId: 'q-billing' });
    const open = [scheduled, early, otherQueue, tie];
    expect([tie, early, scheduled, otherQueue].map((interaction) => queueRank(open, interaction))).toEqual([1, 2, 3, 1]);
  });

  it('has no rank for an interaction that is not queued', () => {
    const offered = exampleInteraction({ state: 'offered' });
    expect(queueRank([offered], offered)).toBeNull();
  });
});
