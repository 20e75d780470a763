/**
 * The part of `openFrameAPI` (c_openFrameAPI.md) the bridge calls. In an instance it is the global
 * defined by `https://<instance>/scripts/openframe/latest/openFrameAPI.min.js`.
 */
export interface OpenFrameApi {
  /** § init(config, successCallback, failureCallback): must be the first call. */
  init(config: Record<string, unknown>, success: (snConfig: unknown) => void, failure: (error: unknown) => void): void;
  /** § setICContext(Type, Context). */
  setICContext(type: string, context: unknown): void;
  /** § subscribe(event, eventCallback). */
  subscribe(event: string, callback: (payload: unknown) => void): void;
  /** § toastMessage(message, type, duration). */
  toastMessage(message: string, type: 'info' | 'warning' | 'error', duration?: number): void;
  /** § setPresenceIndicator(state, color). */
  setPresenceIndicator(state: string, color: 'red' | 'orange' | 'grey' | 'green'): void;
  /** § setSubtitle(subTitle). */
  setSubtitle(subTitle: string): void;
}

/** § subscribe › event names the bridge listens to. */
export const OPEN_FRAME_EVENTS = {
  controlAction: 'interaction_control_action',
  workItemAccepted: 'openframe_awa_workitem_accepted',
  workItemRejected: 'openframe_awa_workitem_rejected',
  wrapUpSubmitted: 'openframe_wrap_up_submitted',
  agentPresence: 'openframe_awa_agent_presence',
} as const;
