import type { Presence } from '@icc/protocol';
import type { IdleState } from '../contract/idle-state-context';

// Partial: a presence added to the protocol later reads as its own name.
const PRESENCE_TEXT: Partial<Record<Presence, string>> = {
  offline: 'Offline',
  available: 'Available',
  busy: 'Busy',
  away: 'Away',
  'wrap-up': 'Wrap-up',
};

/**
 * The dial pad while nothing is open (c_openFrameAPI.md § setICContext › idleState). ICC callbacks
 * have no agent-placed outbound calls, queue selection or directory, so only Log out is offered.
 */
export function mapIdleState(presence: Presence): IdleState {
  return {
    capability: {
      globalContactSearch: false,
      logOut: true,
      outBoundCall: false,
      outboundQueueSelection: false,
      phoneDirectory: false,
    },
    enableState: { logOut: true, outBoundCall: false, outboundQueueSelection: false },
    dialpadInfoMessage: { label: 'ICC presence:', value: PRESENCE_TEXT[presence] ?? presence },
  };
}
