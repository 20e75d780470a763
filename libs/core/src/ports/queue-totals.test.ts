import { exampleInteraction, type Interaction } from '@icc/protocol';
import { addQueueTotalsChange, EMPTY_QUEUE_TOTALS, interactionQueueTotals, type QueueTotals } from './queue-totals';

const offered = (overrides: Partial<Interaction> = {}) => exampleInteraction({ queueId: 'q-support', offeredAt: '2026-03-10T09:00:01.000Z', ...overrides });

describe('addQueueTotalsChange', () => {
  it('adds a new interaction to its queue', () => {
    const deltas = new Map<string, QueueTotals>();
    addQueueTotalsChange(deltas, undefined, offered());
    expect(deltas).toEqual(new Map([['q-support', interactionQueueTotals(offered())]]));
    expect(deltas.get('q-support')?.offered).toBe(1);
  });

  it('adds only what changed when the interaction stays in its queue', () => {
    const deltas = new Map<string, QueueTotals>();
    const before = offered();
    const after = offered({ connectedAt: '2026-03-10T09:00:30.000Z' });
    addQueueTotalsChange(deltas, before, after);
    expect(deltas).toEqual(new Map([['q-support', { ...EMPTY_QUEUE_TOTALS, answered: 1 }]]));
  });

  it('moves all of a requeued interaction out of its old queue and into the new one', () => {
    const deltas = new Map<string, QueueTotals>([['q-sales', { ...EMPTY_QUEUE_TOTALS, offered: 2 }]]);
    const before = offered({ connectedAt: '2026-03-10T09:00:30.000Z' });
    addQueueTotalsChange(deltas, before, { ...before, queueId: 'q-sales' });
    expect(deltas.get('q-support')).toMatchObject({ offered: -1, answered: -1 });
    expect(deltas.get('q-sales')).toEqual({ ...EMPTY_QUEUE_TOTALS, offered: 3, answered: 1 });
  });
});
