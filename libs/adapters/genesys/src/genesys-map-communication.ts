import type { DialFailure } from '@icc/protocol';
import type { GenesysCallCommunication } from './genesys-schemas';

/** Where one Genesys communication is in its life, whatever its media (`ringing`: alerting an agent or dialing the customer). */
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

export type GenesysOfferOutcome = 'alerting' | 'accepted' | 'rejected' | 'timeout';

/** The agent ended the offer: from the UI (`client`) or the phone (`endpoint`). */
const DECLINED_BY_AGENT: ReadonlySet<string> = new Set(['client', 'endpoint']);

/**
 * What became of an interaction alerting an agent, from the agent's communication: answered
 * (it has a `connectedTime` or is connected), declined by the agent, or left to time out.
 * Genesys's "Disconnect reasons" (help.mypurecloud.com/articles/disconnect-reasons): Client is the
 * user's UI, Endpoint the user's phone; an alerting timeout is ended by the cloud (System) or
 * moved on (No Answer Transfer); Timeout is a dialing timeout. Whatever the agent did not end
 * counts as a timeout, so an unknown reason never blames the agent.
 */
export function mapGenesysOfferOutcome(communication: {
  state: string;
  connectedTime?: string | undefined;
  disconnectType?: string | undefined;
}): GenesysOfferOutcome {
  const phase = mapGenesysParticipantState(communication.state);
  if (communication.connectedTime !== undefined || phase === 'connected') return 'accepted';
  if (phase !== 'ended') return 'alerting';
  return DECLINED_BY_AGENT.has(communication.disconnectType ?? '') ? 'rejected' : 'timeout';
}

/**
 * Who ended a connected call, from the `disconnectType` of the customer's leg: the customer hung
 * up (`endpoint`), the agent did (`peer`: the other side of the call left, or `client`), or the platform.
 */
export function mapGenesysCallEndedBy(disconnectType: string | undefined): 'agent' | 'customer' | 'system' {
  if (disconnectType === 'endpoint') return 'customer';
  if (disconnectType === 'peer' || disconnectType === 'client') return 'agent';
  return 'system';
}
