import type { AdapterContext } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import type { InteractionBook } from './interaction-book';

/** Folds events the adapter decided on into its book, then stores them; resolves once they are durable. */
export type EmitEvents = (events: readonly NewIccEvent[]) => Promise<IccEvent[]>;

export interface AdapterEmitterOptions {
  /** Names the adapter in the log line of a refused write: `amazon-connect`. */
  vendor: string;
  context: Pick<AdapterContext, 'sink' | 'logger'>;
  /** The lifecycle's signal: once the adapter stopped, nothing more reaches the sink, whatever was in flight. */
  signal: AbortSignal;
  /** Folded before the events are stored, so the adapter's next decision already sees them. */
  book?: InteractionBook;
  /** Sees the events about to be stored (after the fold), e.g. to arm the timers they imply. */
  onEmitted?(events: readonly NewIccEvent[]): void;
}

export function createAdapterEmitter(options: AdapterEmitterOptions): EmitEvents {
  const { context, signal, book } = options;
  return async (events) => {
    if (signal.aborted) return [];
    book?.fold(events);
    options.onEmitted?.(events);
    if (events.length === 0) return [];
    try {
      return await context.sink.emit(events);
    } catch (error) {
      context.logger.error({ err: error, events: events.map((event) => event.type) }, `${options.vendor}: events were not stored; state will be rebuilt on restart`);
      throw error;
    }
  };
}
