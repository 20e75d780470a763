/** Listeners filed under keys (an agent id, a queue id): who to tell is a lookup, not a scan of every listener. */
export interface ListenerIndex<Listener> {
  /** Files `listener` under every key; the returned function takes it out again. */
  add(keys: Iterable<string>, listener: Listener): () => void;
  /** Adds the listeners filed under `key` to `into`. */
  collect(key: string, into: Set<Listener>): void;
  /** Every listener, once. */
  all(): Set<Listener>;
}

export function createListenerIndex<Listener>(): ListenerIndex<Listener> {
  const byKey = new Map<string, Set<Listener>>();
  return {
    add(keys, listener) {
      const filed = [...new Set(keys)];
      for (const key of filed) {
        let set = byKey.get(key);
        if (!set) byKey.set(key, (set = new Set()));
        set.add(listener);
      }
      return () => {
        for (const key of filed) {
          const set = byKey.get(key);
          set?.delete(listener);
          if (set?.size === 0) byKey.delete(key);
        }
      };
    },
    collect(key, into) {
      for (const listener of byKey.get(key) ?? []) into.add(listener);
    },
    all() {
      const every = new Set<Listener>();
      for (const set of byKey.values()) for (const listener of set) every.add(listener);
      return every;
    },
  };
}
