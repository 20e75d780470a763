/** A signal that aborts with `parent`, and a `release` that detaches it again. */
export interface LinkedAbortSignal {
  signal: AbortSignal | undefined;
  release(): void;
}

/**
 * One child signal per request: adapters share one long-lived signal (aborted by `stop()`), and
 * handing that signal to every `fetch` leaves a listener on it per call that is never removed.
 */
export function linkAbortSignal(parent: AbortSignal | undefined): LinkedAbortSignal {
  if (!parent) return { signal: undefined, release: () => undefined };
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, release: () => parent.removeEventListener('abort', onAbort) };
}
