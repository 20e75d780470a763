/**
 * Where one Genesys communication is in its life, whatever its media:
 * - `scheduled`: a callback waiting for `callbackScheduledTime`.
 * - `ringing`: alerting an agent, or dialing/contacting the customer.
 * - `connected`: answered (an agent took the callback, or the customer picked up).
 * - `ended`: disconnected or terminated.
 */
export type GenesysCommunicationPhase = 'scheduled' | 'ringing' | 'connected' | 'ended';

const PHASES: Record<string, GenesysCommunicationPhase> = {
  scheduled: 'scheduled',
  alerting: 'ringing',
  dialing: 'ringing',
  contacting: 'ringing',
  offering: 'ringing',
  connected: 'connected',
  disconnected: 'ended',
  terminated: 'ended',
};

/** The phase of a participant communication `state`; undefined for states a callback never has (parked, uploading…). */
export function mapGenesysParticipantState(state: string): GenesysCommunicationPhase | undefined {
  return PHASES[state.toLowerCase()];
}
