import type { DialFailure } from '@icc/protocol';
import { mapGenesysParticipantState } from './genesys-map-participant-state';
import type { GenesysCallCommunication } from './genesys-schemas';

export type GenesysDialOutcome = 'ringing' | 'answered' | DialFailure;

// ITU-T Q.850 cause codes Genesys reports in `disconnectReasons` of type `q850`.
const USER_BUSY = 17;
const NO_USER_RESPONDING = 18;
const NO_ANSWER = 19;

/** How a call to the customer went: still ringing, answered, or why it failed. */
export function mapGenesysDialOutcome(call: GenesysCallCommunication): GenesysDialOutcome {
  const phase = mapGenesysParticipantState(call.state);
  if (call.connectedTime !== undefined || phase === 'connected') return 'answered';
  if (phase !== 'ended') return 'ringing';
  const q850 = call.disconnectReasons?.find((reason) => reason.type === 'q850' && reason.code !== undefined)?.code;
  if (q850 === USER_BUSY) return 'busy';
  if (q850 === NO_ANSWER || q850 === NO_USER_RESPONDING || call.disconnectType === 'timeout') return 'no-answer';
  return 'failed';
}
