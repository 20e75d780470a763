import type { Callback } from '@icc/protocol';
import { useEffect, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';

export type CallbackList = { kind: 'loading' } | { kind: 'loaded'; callbacks: Callback[] } | { kind: 'failed'; message: string };

const PAGE_SIZE = 200;

/** The agent's own callbacks, then the upcoming ones of their queues and those kept for them; one list, no duplicates. */
export function mergeCallbacks(own: readonly Callback[], upcoming: readonly Callback[]): Callback[] {
  const byId = new Map(own.map((callback) => [callback.id, callback]));
  for (const callback of upcoming) if (!byId.has(callback.id)) byId.set(callback.id, callback);
  return [...byId.values()];
}

/**
 * My callbacks reads two lists: what the agent handled (Open, History) and the upcoming work of
 * their queues plus what is kept for them (Scheduled). Re-read whenever `trigger` changes.
 */
export function useCallbackLists(trigger: string): CallbackList {
  const session = useSession();
  const [list, setList] = useState<CallbackList>({ kind: 'loading' });

  useEffect(() => {
    let current = true;
    Promise.all([session.rest.listCallbacks({ limit: PAGE_SIZE }), session.rest.listCallbacks({ view: 'upcoming', limit: PAGE_SIZE })]).then(
      ([own, upcoming]) => current && setList({ kind: 'loaded', callbacks: mergeCallbacks(own.items, upcoming.items) }),
      (error: unknown) => current && setList({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [session, trigger]);

  return list;
}
