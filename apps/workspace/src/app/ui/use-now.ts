import { useSyncExternalStore } from 'react';

// One shared one-second tick for every countdown and timer on the page.
const listeners = new Set<() => void>();
let now = Date.now();
let ticker: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  now = Date.now();
  ticker ??= setInterval(tick, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

function getNow(): number {
  return now;
}

/** Current time in epoch milliseconds, re-rendering once a second while mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow);
}
