import { WrapUpReason, type AgentCommandOf, type Interaction } from '@icc/protocol';
import type { WrapUpSubmittedEvent } from '../contract/open-frame-events';

const MAX_NOTES = 4000;

/** "Follow-up required", "follow_up_required" and "follow-up-required" all name the same ICC reason. */
function reasonOf(code: string | undefined): WrapUpReason | undefined {
  if (code === undefined) return undefined;
  const parsed = WrapUpReason.safeParse(code.trim().toLowerCase().replace(/[\s_]+/g, '-'));
  return parsed.success ? parsed.data : undefined;
}

/**
 * ServiceNow's Wrap up "Submit & close" (c_openFrameAPI.md § subscribe › openframe_wrap_up_submitted:
 * wrapUpCode, wrapUpNotes) as ICC's submit-wrap-up. A code that is not an ICC reason becomes
 * `other`, kept at the head of the notes so nothing the agent chose is lost.
 */
export function mapWrapUpSubmittedToCommand(event: WrapUpSubmittedEvent, interaction: Interaction): AgentCommandOf<'submit-wrap-up'> {
  const { wrapUpCode, wrapUpNotes = '' } = event.wrapUp;
  const reason = reasonOf(wrapUpCode);
  const notes = reason !== undefined || !wrapUpCode ? wrapUpNotes : `${wrapUpCode}: ${wrapUpNotes}`.trim();
  return {
    type: 'submit-wrap-up',
    interactionId: interaction.id,
    wrapUp: { reason: reason ?? 'other', notes: notes.slice(0, MAX_NOTES) },
  };
}
