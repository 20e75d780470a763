import type { AdapterCapabilities } from '@icc/protocol';

/** Callback transfer is an Attended replace (the sender keeps it until the receiver accepts); escalate is not wired (README, gaps). */
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
  // The platform has POST …/participants/{participantId}/replace/queue and …/replace/external
  // (purecloud-platform-client-v2 ConversationsApi); this adapter and its simulator wire only replace/agent.
  transferCallToQueue: false,
  transferCallExternal: false,
  consultTransfer: true,
  escalate: false,
  keepsPlace: false,
  reasons: {
    transferCallToQueue: 'Transferring a live Genesys call to a queue (replace/queue) is not wired in this adapter yet.',
    transferCallExternal: 'Transferring a live Genesys call to an outside number (replace/external) is not wired in this adapter yet.',
    // purecloud-platform-client-v2 CreateCallbackCommand: queueId, routingData (priority, skills), callbackScheduledTime, … — no wait start.
    keepsPlace: 'Genesys Cloud takes no time the customer started waiting when a callback is created; callbacks wait from their request.',
  },
};
