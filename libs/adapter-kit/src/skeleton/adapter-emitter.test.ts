import { createFakeClock } from '@icc/core';
import { exampleInteractionCreatedEvent, type NewIccEvent } from '@icc/protocol';
import { createRecordingLogger } from '../conformance/recording-logger';
import { createRecordingSink } from '../conformance/recording-sink';
import { createAdapterEmitter } from './adapter-emitter';
import { createInteractionBook } from './interaction-book';

describe('createAdapterEmitter', () => {
  it('folds the events into the book before storing them, and resolves with the stored events', async () => {
    const sink = createRecordingSink();
    const book = createInteractionBook({ clock: createFakeClock() });
    const abort = new AbortController();
    const emit = createAdapterEmitter({ vendor: 'acme', context: { sink, logger: createRecordingLogger() }, signal: abort.signal, book });
    const stored = await emit([exampleInteractionCreatedEvent()]);
    expect(stored).toEqual([expect.objectContaining({ type: 'interaction.created', seq: expect.any(Number) })]);
    expect(book.interactions()).toHaveLength(1);
    expect(await emit([])).toEqual([]);
  });

  it('shows the events to onEmitted once folded, before they are stored', async () => {
    const sink = createRecordingSink();
    const book = createInteractionBook({ clock: createFakeClock() });
    const seen: Array<{ types: string[]; folded: number; stored: number }> = [];
    const onEmitted = (events: readonly NewIccEvent[]) => seen.push({ types: events.map((event) => event.type), folded: book.interactions().length, stored: sink.events.length });
    const emit = createAdapterEmitter({ vendor: 'acme', context: { sink, logger: createRecordingLogger() }, signal: new AbortController().signal, book, onEmitted });
    await emit([exampleInteractionCreatedEvent()]);
    expect(seen).toEqual([{ types: ['interaction.created'], folded: 1, stored: 0 }]);
  });

  it('stores nothing once the adapter stopped', async () => {
    const sink = createRecordingSink();
    const abort = new AbortController();
    const onEmitted = jest.fn();
    const emit = createAdapterEmitter({ vendor: 'acme', context: { sink, logger: createRecordingLogger() }, signal: abort.signal, onEmitted });
    abort.abort();
    expect(await emit([exampleInteractionCreatedEvent()])).toEqual([]);
    expect(sink.events).toEqual([]);
    expect(onEmitted).not.toHaveBeenCalled();
  });

  it('logs a refused write and rejects with it', async () => {
    const logger = createRecordingLogger();
    const refusal = new Error('disk full');
    const emit = createAdapterEmitter({ vendor: 'acme', context: { sink: { emit: () => Promise.reject(refusal) }, logger }, signal: new AbortController().signal });
    await expect(emit([exampleInteractionCreatedEvent()])).rejects.toBe(refusal);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'error', message: 'acme: events were not stored; state will be rebuilt on restart' })]);
  });
});
