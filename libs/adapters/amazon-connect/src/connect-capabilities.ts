import type { AdapterCapabilities } from '@icc/protocol';

/**
 * What this adapter does with Amazon Connect on its create path, a callback task
 * (StartTaskContact) the agent accepts and then calls from (README, "Chosen path", "Mapping"):
 * - agent-first only: the task is offered to an agent, who calls the customer; customer-first
 *   callbacks are a Transfer to queue option of voice contacts in "next generation" instances;
 * - scheduled and reschedule: the task's ScheduledTime (at most 6 days ahead);
 * - no auto-dial: an accepted task dials nobody; a countdown that places the call by itself is
 *   a preview-campaign feature (outbound campaigns), not one of tasks;
 * - hold, mute, DTMF: Streams connection and agent actions; record: Start/StopContactRecording;
 * - redial: the agent places another call from the CCP (Streams `agent.connect`);
 * - no transfers: quick-connect transfers and consults of the agent's call are not modelled; no
 *   escalate flag in Connect.
 */
export const AMAZON_CONNECT_CAPABILITIES: AdapterCapabilities = {
  modes: ['agent-first'],
  scheduled: true,
  autoDial: false,
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
  reasons: {
    autoDial: 'Amazon Connect does not dial an accepted callback task by itself: place the call from the CCP.',
    transferCallback: 'Transfers of Amazon Connect callbacks are not supported by this adapter.',
    transferCall: "Transfers of the agent's Amazon Connect call are not supported by this adapter.",
    consultTransfer: 'Consult transfers are not supported by the Amazon Connect adapter.',
    escalate: 'Amazon Connect has no escalate flag.',
  },
};
