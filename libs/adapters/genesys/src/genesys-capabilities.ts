import type { AdapterCapabilities } from '@icc/protocol';

/**
 * What the adapter does with Genesys Cloud today. Callback transfer is an Attended participant
 * replace (the sender keeps the callback until the receiver accepts, so it can be called off); the
 * live call is transferred blind (`replace/agent`) or after a consult (`consult/agent`). The
 * escalate flag has no Genesys equivalent wired yet (README, gaps).
 */
export const GENESYS_CAPABILITIES: AdapterCapabilities = {
  modes: ['customer-first', 'agent-first'],
  scheduled: true,
  autoDial: true,
  hold: true,
  mute: true,
  record: true,
  dtmf: true,
  redial: true,
  reschedule: true,
  rescheduleMove: true,
  transferCallback: true,
  transferCall: true,
  consultTransfer: true,
  escalate: false,
};
