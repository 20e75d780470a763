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
  keptCallbacks: false,
  reasons: {
    transferCallToQueue: 'Transferring a live Genesys call to a queue (replace/queue) is not wired in this adapter yet.',
    transferCallExternal: 'Transferring a live Genesys call to an outside number (replace/external) is not wired in this adapter yet.',
    // purecloud-platform-client-v2 CreateCallbackCommand: queueId, routingData (priority, skills), callbackScheduledTime, … — no wait start.
    keepsPlace: 'Genesys Cloud takes no time the customer started waiting when a callback is created; callbacks wait from their request.',
    // purecloud-platform-client-v2 CreateCallbackCommand has no owner; its only agent field is
    // routingData.preferredAgentIds (RoutingData), a preference. Genesys's glossary, "agent-owned
    // callback" (help.mypurecloud.com/glossary/agent-owned-callback/): ownership is taken by the agent and
    // needs a Preferred Agent Routing rule on the queue; otherwise the callback goes to the next available agent.
    keptCallbacks:
      'Genesys Cloud takes an agent only as a routing preference when a callback is created through its API; the callback may go to another agent.',
  },
};
