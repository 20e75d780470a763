import { z } from 'zod';
import { RssTime } from './open-frame-time';

// Every field: c_openFrameAPI.md § "openFrameAPI - setICContext(String Type, Object <Context>)",
// row named in the comment. Strict objects: a field the page does not document is never sent.

/** § activeCall.callbackContext (only with `type: callback`). */
export const CallbackContext = z
  .strictObject({
    /** § activeCall.callbackContext.callAttemptedByAgent — true: set closeInEndTime; false: set dialInEndTime. */
    callAttemptedByAgent: z.boolean().optional(),
    /** § activeCall.callbackContext.callbackNumbers — phone numbers as strings. */
    callbackNumbers: z.array(z.string()).optional(),
    /** § activeCall.callbackContext.closeInEndTime — only if callAttemptedByAgent; the page's example is RSS. */
    closeInEndTime: RssTime.optional(),
    /** § activeCall.callbackContext.customerName. */
    customerName: z.string().optional(),
    /** § activeCall.callbackContext.dialInEndTime — only if not attempted and the callback is auto-dial. */
    dialInEndTime: RssTime.optional(),
  })
  .refine((context) => context.closeInEndTime === undefined || context.callAttemptedByAgent === true, {
    message: 'closeInEndTime is set only if callAttemptedByAgent is true',
    path: ['closeInEndTime'],
  })
  .refine((context) => context.dialInEndTime === undefined || context.callAttemptedByAgent !== true, {
    message: 'dialInEndTime is set only if callAttemptedByAgent is false',
    path: ['dialInEndTime'],
  });
export type CallbackContext = z.infer<typeof CallbackContext>;

/** § activeCall.currentParticipant.capabilities — each flag enables one control (default false). */
export const CurrentParticipantCapabilities = z.strictObject({
  /** § …capabilities.callbackTransferStatus — "Failed" or empty string (default). */
  callbackTransferStatus: z.enum(['Failed', '']).optional(),
  /** § …capabilities.cancelCallbackTransferEligible. */
  cancelCallbackTransferEligible: z.boolean().optional(),
  /** § …capabilities.closeCallback. */
  closeCallback: z.boolean().optional(),
  /** § …capabilities.dtmf. */
  dtmf: z.boolean().optional(),
  /** § …capabilities.endCall. */
  endCall: z.boolean().optional(),
  /** § …capabilities.flag — flag the call for quality issues. */
  flag: z.boolean().optional(),
  /** § …capabilities.hold. */
  hold: z.boolean().optional(),
  /** § …capabilities.initiateCall. */
  initiateCall: z.boolean().optional(),
  /** § …capabilities.leaveAndTransfer. */
  leaveAndTransfer: z.boolean().optional(),
  /** § …capabilities.mergeCall. */
  mergeCall: z.boolean().optional(),
  /** § …capabilities.mute. */
  mute: z.boolean().optional(),
  /** § …capabilities.pauseRecording. */
  pauseRecording: z.boolean().optional(),
  /** § …capabilities.resumeRecording. */
  resumeRecording: z.boolean().optional(),
  /** § …capabilities.startRecording. */
  startRecording: z.boolean().optional(),
  /** § …capabilities.stopRecording. */
  stopRecording: z.boolean().optional(),
  /** § …capabilities.transfer. */
  transfer: z.boolean().optional(),
});
export type CurrentParticipantCapabilities = z.infer<typeof CurrentParticipantCapabilities>;

/** § activeCall.currentParticipant (Required). */
export const CurrentParticipant = z.strictObject({
  /** § …currentParticipant.actor — valid values: agent. */
  actor: z.literal('agent').optional(),
  /** § …currentParticipant.callStartTime — RSS, UTC. */
  callStartTime: RssTime.optional(),
  capabilities: CurrentParticipantCapabilities.optional(),
  /** § …currentParticipant.connectedTime — RSS, UTC. */
  connectedTime: RssTime.optional(),
  /** § …currentParticipant.custom-capability-state-1. */
  'custom-capability-state-1': z.boolean().optional(),
  /** § …currentParticipant.flagged. */
  flagged: z.boolean().optional(),
  /** § …currentParticipant.held. */
  held: z.boolean().optional(),
  /** § …currentParticipant.id — Required; sys_id of the agent's User [sys_user] record. */
  id: z.string().min(1),
  /** § …currentParticipant.muted. */
  muted: z.boolean().optional(),
  /** § …currentParticipant.name. */
  name: z.string().optional(),
  /** § …currentParticipant.paused. */
  paused: z.boolean().optional(),
  /** § …currentParticipant.recording — in_progress or none. */
  recording: z.enum(['in_progress', 'none']).optional(),
  /** § …currentParticipant.state — free text (the JSON outline lists it; the page shows it under the number). */
  state: z.string().optional(),
  /** § …currentParticipant.wrapUP — "Future use"; the bridge never sends it. */
  wrapUP: z.record(z.string(), z.unknown()).optional(),
});
export type CurrentParticipant = z.infer<typeof CurrentParticipant>;

/** § activeCall.participants.capabilities. */
export const ParticipantCapabilities = z.strictObject({
  endCall: z.boolean().optional(),
  hold: z.boolean().optional(),
  mute: z.boolean().optional(),
});

/** § activeCall.participants (Required) — the other parties on the call. */
export const Participant = z.strictObject({
  /** § …participants.actor — "for example" agent, customer, external, queue. */
  actor: z.enum(['agent', 'customer', 'external', 'queue']).optional(),
  /** § …participants.address — the participant's telephone number. */
  address: z.string().optional(),
  /** § …participants.ani. */
  ani: z.string().optional(),
  capabilities: ParticipantCapabilities.optional(),
  /** § …participants (JSON outline) callStartTime. */
  callStartTime: RssTime.optional(),
  /** § …participants.connectedTime — Required; RSS, UTC. */
  connectedTime: RssTime,
  /** § …participants.customPayload — free-form. */
  customPayload: z.record(z.string(), z.unknown()).optional(),
  /** § …participants.dnis. */
  dnis: z.string().optional(),
  /** § …participants.held. */
  held: z.boolean().optional(),
  /** § …participants.heldAtTime — RSS, UTC. */
  heldAtTime: RssTime.optional(),
  /** § …participants.id — Required; the participant's id in the CCaaS system. */
  id: z.string().min(1),
  /** § …participants.muted. */
  muted: z.boolean().optional(),
  /** § …participants.name. */
  name: z.string().optional(),
  /** § …participants.requestACW — agent use case only. */
  requestACW: z.boolean().optional(),
  /** § …participants.requireWrapup — show the Wrap up component when the call completes. */
  requireWrapup: z.boolean().optional(),
  /** § …participants.state — free text such as Alerting, Connected, Ringing. */
  state: z.string().optional(),
});
export type Participant = z.infer<typeof Participant>;

/** § activeCall — one object per ongoing call. */
export const ActiveCall = z
  .strictObject({
    callbackContext: CallbackContext.optional(),
    currentParticipant: CurrentParticipant,
    /** § activeCall.customPayload — free-form. */
    customPayload: z.record(z.string(), z.unknown()).optional(),
    /** § activeCall.direction — inbound or outbound. */
    direction: z.enum(['inbound', 'outbound']).optional(),
    /** § activeCall.externalId — Required; the call's id in the external system. */
    externalId: z.string().min(1),
    /** § activeCall.nowRecordId — Required; sys_id of the Interaction record. */
    nowRecordId: z.string().min(1),
    /** § activeCall.nowRecordTable — Required; `interaction` is the only base-system option. */
    nowRecordTable: z.string().min(1),
    participants: z.array(Participant),
    /** § activeCall.type — call, callback (then callbackContext is required), voicemail. */
    type: z.enum(['call', 'callback', 'voicemail']).optional(),
  })
  .refine((call) => call.type !== 'callback' || call.callbackContext !== undefined, {
    message: 'type callback requires callbackContext',
    path: ['callbackContext'],
  })
  .refine((call) => call.type === 'callback' || call.callbackContext === undefined, {
    message: 'callbackContext is only used with type callback',
    path: ['callbackContext'],
  });
export type ActiveCall = z.infer<typeof ActiveCall>;

/** The `<Context>` of `setICContext("activeCall", …)`: wrapped as in the page's activeCall and callback examples. */
export const ActiveCallContext = z.strictObject({ activeCall: z.array(ActiveCall) });
export type ActiveCallContext = z.infer<typeof ActiveCallContext>;
