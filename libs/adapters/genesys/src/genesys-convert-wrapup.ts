import type { WrapUp, WrapUpReason } from '@icc/protocol';

/** Body of `POST …/communications/{communicationId}/wrapup` for an ICC wrap-up. */
export function convertToGenesysWrapup(wrapUp: WrapUp, codes: Readonly<Record<WrapUpReason, string>>): { code: string; notes: string } {
  return { code: codes[wrapUp.reason], notes: wrapUp.notes };
}
