import type { Callback, CallbackState } from '@icc/protocol';

/** The tabs of My callbacks. */
export type CallbackTab = 'open' | 'scheduled' | 'history';

const FINISHED: readonly CallbackState[] = ['completed', 'cancelled', 'expired', 'failed'];

/** History once finished; Scheduled while a scheduled or kept request waits; Open otherwise. */
export function callbackTab(callback: Callback): CallbackTab {
  if (FINISHED.includes(callback.state)) return 'history';
  const upcoming = callback.schedule.type === 'scheduled' || callback.assignedAgentId !== undefined;
  if (callback.state === 'pending' && upcoming) return 'scheduled';
  return 'open';
}

export interface CallbackFilter {
  tab: CallbackTab;
  state: CallbackState | 'all';
  search: string;
}

function matchesSearch(callback: Callback, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const { customer } = callback;
  const digits = needle.replace(/[^\d+]/g, '');
  return (
    `${customer.firstName} ${customer.lastName}`.toLowerCase().includes(needle) ||
    callback.number.toLowerCase().includes(needle) ||
    callback.shortDescription.toLowerCase().includes(needle) ||
    (digits.length >= 3 && customer.phoneNumbers.some((number) => number.includes(digits)))
  );
}

/**
 * The callbacks a tab shows, filtered by state and search, newest request first (scheduled ones
 * by start time, soonest first).
 */
export function filterCallbacks(callbacks: readonly Callback[], filter: CallbackFilter): Callback[] {
  const shown = callbacks.filter(
    (callback) =>
      callbackTab(callback) === filter.tab &&
      (filter.state === 'all' || callback.state === filter.state) &&
      matchesSearch(callback, filter.search),
  );
  if (filter.tab === 'scheduled') {
    return shown.sort((a, b) => scheduledStart(a).localeCompare(scheduledStart(b)));
  }
  return shown.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
}

function scheduledStart(callback: Callback): string {
  return callback.schedule.type === 'scheduled' ? callback.schedule.start : callback.requestedAt;
}
