import { mapGenesysParticipantState } from './map-genesys-participant-state';

export type GenesysOfferOutcome = 'alerting' | 'accepted' | 'rejected' | 'timeout';

/**
 * What became of an interaction alerting an agent, from the agent's communication: answered
 * (it has a `connectedTime` or is connected), declined by the agent, or left to time out.
 */
export function mapGenesysOfferOutcome(communication: {
  state: string;
  connectedTime?: string | undefined;
  disconnectType?: string | undefined;
}): GenesysOfferOutcome {
  const phase = mapGenesysParticipantState(communication.state);
  if (communication.connectedTime !== undefined || phase === 'connected') return 'accepted';
  if (phase !== 'ended') return 'alerting';
  return communication.disconnectType === 'timeout' || communication.disconnectType === 'transfer.noanswer' ? 'timeout' : 'rejected';
}
