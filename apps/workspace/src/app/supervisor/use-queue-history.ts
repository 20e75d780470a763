import type { QueueHistory } from '@icc/protocol';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';

/** The stream's `queue.stats` frames trigger a fetch at most this often. */
const REFETCH_MIN_INTERVAL_MS = 3000;

export interface QueueHistoryState {
  history: QueueHistory | undefined;
  error: string | undefined;
}

/**
 * The last hour from `GET /v1/queues/stats/history`, fetched again whenever the stream says the
 * queues changed (a `queue.stats` frame), at most every few seconds, and once a minute regardless.
 */
export function useQueueHistory(): QueueHistoryState {
  const session = useSession();
  const { queueStats } = useWorkspaceState();
  const [state, setState] = useState<QueueHistoryState>({ history: undefined, error: undefined });
  const lastFetch = useRef(0);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((value) => value + 1), 60_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const wait = Math.max(0, lastFetch.current + REFETCH_MIN_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      session.rest.getQueueHistory({ minutes: 60 }).then(
        (history) => !cancelled && setState({ history, error: undefined }),
        (failure: unknown) => !cancelled && setState((previous) => ({ ...previous, error: describeError(failure) })),
      );
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [session, queueStats, tick]);

  return state;
}
