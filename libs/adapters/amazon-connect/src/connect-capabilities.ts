import type { AdapterCapabilities } from '@icc/protocol';

/**
 * What this adapter does with Amazon Connect on its create path, a callback task the agent accepts
 * and calls from (README, "Chosen path" and "Mapping" give the source of each): agent-first only,
 * scheduled and reschedule through ScheduledTime, no auto-dial (a countdown that dials is an
 * outbound-campaign feature), call controls through Streams and Start/StopContactRecording, redial
 * from the CCP (`agent.connect`), no transfers and no escalate flag.
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
  keptCallbacks: false,
  reasons: {
    autoDial: 'Amazon Connect does not dial an accepted callback task by itself: place the call from the CCP.',
    transferCallback: 'Transfers of Amazon Connect callbacks are not supported by this adapter.',
    transferCall: "Transfers of the agent's Amazon Connect call are not supported by this adapter.",
    consultTransfer: 'Consult transfers are not supported by the Amazon Connect adapter.',
    escalate: 'Amazon Connect has no escalate flag.',
    // Connect can age a contact (UpdateContactRoutingData QueueTimeAdjustmentSeconds), but this adapter's
    // callback is a task created by StartTaskContact and does not call it yet.
    keepsPlace: 'This adapter does not yet carry a waiting-since time to Amazon Connect; callbacks wait from their request.',
    // A task reaches one agent only through a USER quick connect (botocore connect/2017-08-08: StartTaskContactRequest
    // QuickConnectId, QuickConnectType); this adapter starts tasks in the queue's flow and maps no agent to one.
    keptCallbacks: 'This adapter creates Amazon Connect callback tasks in the queue, not for one agent (no agent quick connect is mapped yet).',
  },
};
