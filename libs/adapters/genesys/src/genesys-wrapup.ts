import type { WrapUp, WrapUpReason } from '@icc/protocol';
import type { GenesysWrapup } from './genesys-schemas';

/** The system wrap-up code Genesys applies when after-call work times out. */
export const GENESYS_WRAPUP_TIMEOUT_CODE = 'ININ-WRAP-UP-TIMEOUT';

/** Body of `POST …/communications/{communicationId}/wrapup` for an ICC wrap-up. */
export function convertToGenesysWrapup(wrapUp: WrapUp, codes: Readonly<Record<WrapUpReason, string>>): { code: string; notes: string } {
  return { code: codes[wrapUp.reason], notes: wrapUp.notes };
}

/** Reads an applied Genesys wrap-up back as ICC's: the code through the configured map, `other` when unknown. */
export function mapGenesysWrapup(wrapup: GenesysWrapup, codes: Readonly<Record<WrapUpReason, string>>): { by: 'agent' | 'system'; wrapUp?: WrapUp } {
  if (wrapup.code === GENESYS_WRAPUP_TIMEOUT_CODE) return { by: 'system' };
  const reason = (Object.keys(codes) as WrapUpReason[]).find((candidate) => codes[candidate] === wrapup.code) ?? 'other';
  return { by: 'agent', wrapUp: { reason, notes: (wrapup.notes ?? '').slice(0, 4000) } };
}
