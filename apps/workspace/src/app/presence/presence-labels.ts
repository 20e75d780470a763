import type { Presence, SelectablePresence } from '@icc/protocol';

export const PRESENCE_LABELS: Record<Presence, string> = {
  available: 'Available',
  away: 'Away',
  offline: 'Offline',
  busy: 'Busy',
  'wrap-up': 'After-call work',
  'not-responding': 'Not responding',
};

/** The presences an agent picks; `busy` and `wrap-up` are set by the system during a call. */
export const SELECTABLE_PRESENCES: readonly SelectablePresence[] = ['available', 'away', 'offline'];
