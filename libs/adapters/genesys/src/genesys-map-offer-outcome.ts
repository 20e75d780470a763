import { mapGenesysParticipantState } from './genesys-map-participant-state';

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
