import type { AdapterCapabilities } from '@icc/protocol';

/**
 * What this adapter does with Amazon Connect (README, "Mapping" and "Gaps"):
 * - agent-first only: Connect's queued callback offers the callback to an agent, who accepts
 *   before Connect dials (customer-first callbacks exist only in "next generation" instances, with
 *   retries built in flows; not modelled);
 * - scheduled and reschedule: the queued callback's initial delay (a reschedule stops the contact
 *   and starts a new one with the new delay);
 * - auto-dial: the preview countdown of the AGENT_FIRST outbound strategy;
 * - hold, mute, DTMF: Streams connection and agent actions; record: Start/StopContactRecording;
 * - redial: the agent places a new outbound call linked to the callback (Streams `agent.connect`);
 * - no transfers: TransferContact moves TASK and EMAIL contacts only, and quick-connect transfers
 *   and consults are not modelled; no escalate flag in Connect.
 */
export const AMAZON_CONNECT_CAPABILITIES: AdapterCapabilities = {
  modes: ['agent-first'],
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
