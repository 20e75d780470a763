import { exampleCallback, exampleInteraction } from '@icc/protocol';
import { createClosedRecords } from './closed-records';

describe('closed records', () => {
  it('remembers what refusals and idempotency need', () => {
    const records = createClosedRecords(10);
    records.rememberInteraction(exampleInteraction({ id: 'ix-1', agentId: 'agent-ada', mode: 'agent-first' }));
    records.rememberCallback(exampleCallback({ id: 'cb-1', number: 'CB0000001', mode: 'customer-first' }));
    expect(records.interaction('ix-1')).toEqual({ agentId: 'agent-ada', mode: 'agent-first' });
    expect(records.callback('cb-1')).toEqual({ number: 'CB0000001', mode: 'customer-first' });
    expect(records.interaction('ix-2')).toBeUndefined();
    expect(records.callback('cb-2')).toBeUndefined();
  });

  it('keeps only the latest `limit` of each, dropping the oldest', () => {
    const records = createClosedRecords(2);
    for (const n of [1, 2, 3]) {
      records.rememberInteraction(exampleInteraction({ id: `ix-${n}` }));
      records.rememberCallback(exampleCallback({ id: `cb-${n}`, number: `CB000000${n}` }));
    }
    expect(records.size).toEqual({ interactions: 2, callbacks: 2 });
    expect([records.interaction('ix-1'), records.callback('cb-1')]).toEqual([undefined, undefined]);
    expect(records.callback('cb-3')?.number).toBe('CB0000003');
  });

  it('shares one record among interactions closed by the same agent in the same mode', () => {
    const records = createClosedRecords(10);
    records.rememberInteraction(exampleInteraction({ id: 'ix-1', agentId: 'agent-ada' }));
    records.rememberInteraction(exampleInteraction({ id: 'ix-2', agentId: 'agent-ada' }));
    expect(records.interaction('ix-1')).toBe(records.interaction('ix-2'));
  });
});
