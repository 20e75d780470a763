import type { WrapUpReason } from '@icc/protocol';

export interface WrapUpDraft {
  reason: WrapUpReason | '';
  notes: string;
}

const key = (interactionId: string) => `icc.workspace.wrap-up.${interactionId}`;

/** The wrap-up typed so far, kept in the tab's session storage so a reload does not lose it. */
export function readWrapUpDraft(interactionId: string): WrapUpDraft {
  try {
    const stored = window.sessionStorage.getItem(key(interactionId));
    if (stored === null) return { reason: '', notes: '' };
    const parsed = JSON.parse(stored) as Partial<WrapUpDraft>;
    return { reason: parsed.reason ?? '', notes: typeof parsed.notes === 'string' ? parsed.notes : '' };
  } catch {
    return { reason: '', notes: '' };
  }
}

export function saveWrapUpDraft(interactionId: string, draft: WrapUpDraft): void {
  try {
    window.sessionStorage.setItem(key(interactionId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the draft only lives in memory then.
  }
}

export function clearWrapUpDraft(interactionId: string): void {
  try {
    window.sessionStorage.removeItem(key(interactionId));
  } catch {
    // Nothing to clear.
  }
}
