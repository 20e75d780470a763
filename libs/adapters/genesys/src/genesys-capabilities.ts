import type { AdapterCapabilities } from '@icc/protocol';

/**
 * What the adapter does with Genesys Cloud today. Callback transfer is an Attended participant
 * replace (the sender keeps the callback until the receiver accepts, so it can be called off);
 * call transfer/consult and the escalate flag are not wired yet (README, gaps).
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
  transferCallback: true,
  transferCall: false,
  consultTransfer: false,
  escalate: false,
};
