import type { AdapterSink } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import type { InteractionBook } from './interaction-book';
import { createSerialQueue } from './serial-queue';

/** One queue for everything that changes what the adapter knows, so events reach the sink in the order they were decided. */
export interface OrderedEmitter {
  /** Runs `task` after everything queued before it. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Stores events now (call it inside `run`): nothing once stopped; what was stored is folded into the book. */
  store(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
  /** Decides on the queue, seeing every change applied before it, then stores. */
  emitWhen(decide: () => readonly NewIccEvent[]): Promise<IccEvent[]>;
  /** Tasks queued or running. */
  pending(): number;
}

/**
 * Folds after the sink accepted the events (unlike `createAdapterEmitter`): a refused write
 * leaves the book behind the vendor, so the next snapshot of the same work plans it again.
 */
export function createOrderedEmitter(options: { sink: AdapterSink; book: Pick<InteractionBook, 'fold'>; signal: AbortSignal }): OrderedEmitter {
  const queue = createSerialQueue();
  const store = async (events: readonly NewIccEvent[]): Promise<IccEvent[]> => {
    if (events.length === 0 || options.signal.aborted) return [];
    const stored = await options.sink.emit(events);
    options.book.fold(stored);
    return stored;
  };
  return { run: (task) => queue.run(task), store, emitWhen: (decide) => queue.run(() => store(decide())), pending: () => queue.pending() };
}
