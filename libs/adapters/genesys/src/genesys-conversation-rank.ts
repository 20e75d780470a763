import type { GenesysConversation } from './genesys-schemas';
import { mapGenesysParticipantState } from './genesys-map-communication';

export interface GenesysConversationRank {
  /** Grows with every step of the conversation's life (participants join, communications advance, wrap-up). */
  progress: number;
  /** The flags that can go back and forth without progress (hold, mute, recording), as one comparable string. */
  toggles: string;
}

const PHASE_RANK = { scheduled: 0, ringing: 1, connected: 2, ended: 3 } as const;

/**
 * Orders snapshots of one conversation. Genesys notifications carry no sequence number, but a
 * conversation only ever gains participants and communications, and a communication only moves
 * forward (scheduled → ringing → connected → ended), so a snapshot with less progress than one
 * already applied is stale. Equal progress with other toggles cannot be ordered this way: the
 * adapter reads the conversation back instead.
 */
export function rankGenesysConversation(conversation: GenesysConversation): GenesysConversationRank {
  let progress = 0;
  const toggles: string[] = [];
  for (const participant of conversation.participants) {
    progress += 1;
    if (participant.startAcwTime !== undefined) progress += 1;
    if (participant.endAcwTime !== undefined) progress += 1;
    if (participant.wrapup !== undefined) progress += 1;
    for (const communication of [...(participant.callbacks ?? []), ...(participant.calls ?? [])]) {
      const phase = mapGenesysParticipantState(communication.state);
      progress += 1 + (phase === undefined ? 0 : PHASE_RANK[phase]);
    }
    for (const call of participant.calls ?? []) {
      toggles.push(`${call.id}:${call.held === true ? 'h' : ''}${call.muted === true ? 'm' : ''}${call.recording === true ? 'r' : ''}`);
    }
  }
  return { progress, toggles: toggles.join(',') };
}
