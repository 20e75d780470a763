import type { AdapterCapabilities } from '@icc/protocol';

/**
 * What the adapter does with Genesys Cloud today. Transfers are false: Genesys transfers a callback
 * blind (`…/participants/{id}/replace`), so ICC's "cancel until the receiver accepts" cannot be
 * honoured, and call transfer/consult and the escalate flag are not wired yet (README, gaps).
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
  transferCallback: false,
  transferCall: false,
  consultTransfer: false,
  escalate: false,
};
