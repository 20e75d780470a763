// Event payloads the harness replays into the OpenFrame, shaped exactly as the samples of
// c_openFrameAPI.md § subscribe › results (and openframe-cti-events.md). Sys_ids are made up.

const PHONE_CHANNEL = { name: 'Phone', sys_id: 'f6281cc39335330090813a53177ffb32' };

function workItem(recordId: string) {
  return {
    sys_id: `wi-${recordId}`,
    size: 1,
    serviceChannel: PHONE_CHANNEL,
    document: { sys_id: recordId, table: 'interaction' },
    previousWorkItem: '',
    isQueueTransferred: false,
  };
}

/** § openframe_awa_workitem_accepted (sample wraps it in `result`). */
export function workItemAccepted(recordId: string) {
  return { result: { workItem: { ...workItem(recordId), isAutoAccepted: false } } };
}

/** § openframe_awa_workitem_rejected (sample wraps it in `payload`). */
export function workItemRejected(recordId: string) {
  return { payload: { workItem: { ...workItem(recordId), rejection: { reason: 'Busy', sys_id: '4e93fa29b38023002e7b6e5f26a8dc20' } } } };
}

/** § openframe_wrap_up_submitted. */
export function wrapUpSubmitted(recordId: string, externalSegmentId: string, wrapUpCode: string, wrapUpNotes: string) {
  return {
    wrapUp: {
      external: true,
      externalSegmentId,
      recordId,
      recordTable: 'interaction',
      wrapUpCode,
      wrapUpNotes,
      wrapUpSegmentId: `wus-${recordId}`,
    },
  };
}

/** § openframe_awa_agent_presence (sample output). */
export function agentPresence(available: boolean) {
  return {
    result: {
      presence: {
        name: available ? 'Available' : 'Away',
        sys_id: available ? '0b10223c57a313005baaaa65ef94f970' : '27f675e3739713004a905ee515f6a7c3',
        available,
        channels: [{ ...PHONE_CHANNEL, available, restrict_update: false }],
      },
    },
  };
}

/** § subscribe › interaction_control_action: the action object read as `action.name` / `action.payload`. */
export function controlAction(name: string, payload: Record<string, unknown> = {}) {
  return { name, payload };
}
