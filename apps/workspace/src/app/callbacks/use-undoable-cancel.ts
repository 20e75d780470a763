import type { Callback } from '@icc/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a confirmed cancel waits before it is sent, so the agent can take it back. */
export const UNDO_WINDOW_MS = 6_000;

export interface PendingCancel {
  callback: Callback;
  sendsAt: number;
}

/**
 * A confirmed cancel is held for `UNDO_WINDOW_MS` and only then sent; `undo` drops it. The gateway
 * has no un-cancel, so holding it back is what makes undo honest.
 */
export function useUndoableCancel(send: (callback: Callback) => Promise<void>, onUndone: (callback: Callback) => void) {
  const [pending, setPending] = useState<PendingCancel | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sendRef = useRef(send);
  sendRef.current = send;

  useEffect(() => () => clearTimeout(timer.current), []);

  const schedule = useCallback((callback: Callback) => {
    clearTimeout(timer.current);
    setPending({ callback, sendsAt: Date.now() + UNDO_WINDOW_MS });
    timer.current = setTimeout(() => {
      setPending(undefined);
      void sendRef.current(callback);
    }, UNDO_WINDOW_MS);
  }, []);

  const undo = useCallback(() => {
    clearTimeout(timer.current);
    setPending((current) => {
      if (current) onUndone(current.callback);
      return undefined;
    });
  }, [onUndone]);

  return { pending, schedule, undo };
}
