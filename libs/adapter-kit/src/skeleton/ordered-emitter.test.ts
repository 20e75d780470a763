import type { IccEvent, NewIccEvent } from '@icc/protocol';
import { createOrderedEmitter } from './ordered-emitter';

const presence = (agentId: string) => ({ type: 'agent.presence-changed', agentId, at: '2026-01-05T09:00:00.000Z', presence: 'available', previous: 'offline' }) as NewIccEvent;

describe('createOrderedEmitter', () => {
  it('decides on the queue after earlier work, stores, then folds what was stored', async () => {
    const order: string[] = [];
    const abort = new AbortController();
    const emitter = createOrderedEmitter({
      sink: { emit: async (events) => (order.push(`stored ${events.length}`), events as IccEvent[]) },
      book: { fold: (events) => order.push(`folded ${events.length}`) },
      signal: abort.signal,
    });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const earlier = emitter.run(() => gate.then(() => order.push('earlier')));
    const emitted = emitter.emitWhen(() => (order.push('decided'), [presence('ada')]));
    expect(emitter.pending()).toBe(2);
    release();
    await Promise.all([earlier, emitted]);
    expect(order).toEqual(['earlier', 'decided', 'stored 1', 'folded 1']);
  });

  it('stores nothing once stopped, and does not fold events the sink refused', async () => {
    const abort = new AbortController();
    const folded: number[] = [];
    let refuse = true;
    const emitter = createOrderedEmitter({
      sink: { emit: async (events) => (refuse ? Promise.reject(new Error('store down')) : (events as IccEvent[])) },
      book: { fold: (events) => folded.push(events.length) },
      signal: abort.signal,
    });
    await expect(emitter.emitWhen(() => [presence('ada')])).rejects.toThrow('store down');
    refuse = false;
    abort.abort();
    expect(await emitter.emitWhen(() => [presence('ada')])).toEqual([]);
    expect(folded).toEqual([]);
  });
});
