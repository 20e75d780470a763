import type { MissedOffersPage } from '@icc/protocol';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';

const REFETCH_MIN_INTERVAL_MS = 2000;

export interface MissedOffersState {
  page: MissedOffersPage | undefined;
  error: string | undefined;
}

/**
 * Offers missed or rejected since `from` (the start of the charts' hour, on the gateway's clock;
 * undefined: all), from `GET /v1/offers/missed`, fetched again when the stream brings a change.
 */
export function useMissedOffers(from: string | undefined): MissedOffersState {
  const session = useSession();
  const { interactions, queueStats } = useWorkspaceState();
  const [state, setState] = useState<MissedOffersState>({ page: undefined, error: undefined });
  const lastFetch = useRef(0);
  // Declines are recorded on the interactions (`declinedBy`); their count changes with each one.
  const declines = interactions.reduce((total, interaction) => total + interaction.declinedBy.length, 0);

  useEffect(() => {
    let cancelled = false;
    const wait = Math.max(0, lastFetch.current + REFETCH_MIN_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      session.rest.listMissedOffers({ ...(from === undefined ? {} : { from }), limit: 20 }).then(
        (page) => !cancelled && setState({ page, error: undefined }),
        (failure: unknown) => !cancelled && setState((previous) => ({ ...previous, error: describeError(failure) })),
      );
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [session, from, declines, queueStats]);

  return state;
}
