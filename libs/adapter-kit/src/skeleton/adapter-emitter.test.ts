import { createFakeClock } from '@icc/core';
import { exampleInteractionCreatedEvent } from '@icc/protocol';
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

  it('stores nothing once the adapter stopped', async () => {
    const sink = createRecordingSink();
    const abort = new AbortController();
    const emit = createAdapterEmitter({ vendor: 'acme', context: { sink, logger: createRecordingLogger() }, signal: abort.signal });
    abort.abort();
    expect(await emit([exampleInteractionCreatedEvent()])).toEqual([]);
    expect(sink.events).toEqual([]);
  });

  it('logs a refused write and rejects with it', async () => {
    const logger = createRecordingLogger();
    const refusal = new Error('disk full');
    const emit = createAdapterEmitter({ vendor: 'acme', context: { sink: { emit: () => Promise.reject(refusal) }, logger }, signal: new AbortController().signal });
    await expect(emit([exampleInteractionCreatedEvent()])).rejects.toBe(refusal);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'error', message: 'acme: events were not stored; state will be rebuilt on restart' })]);
  });
});
