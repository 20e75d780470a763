/** Listeners of one kind; `emit` isolates them so one that throws cannot starve the others. */
export interface ListenerSet<Value> {
  add(listener: (value: Value) => void): () => void;
  emit(value: Value, onThrow: (cause: unknown) => void): void;
}

export function createListenerSet<Value>(initial?: (value: Value) => void): ListenerSet<Value> {
  const listeners = new Set<(value: Value) => void>();
  if (initial) listeners.add(initial);
  return {
    add(listener) {
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry = (value: Value) => listener(value);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
    emit(value, onThrow) {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (cause) {
          onThrow(cause);
        }
      }
    },
  };
}
