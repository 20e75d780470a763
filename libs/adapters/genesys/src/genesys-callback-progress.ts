import type { CallbackProgress, ProgressAttempt, ProgressOffer } from '@icc/adapter-kit';
import type { GenesysWrapup } from './genesys-schemas';

/** One time an agent was alerted with the interaction (an `agent` participant), in order. */
export interface GenesysOffer extends ProgressOffer {
  participantId: string;
  /** The communication the agent was offered: the callback (agent-first) or the call (customer-first). */
  media: 'callback' | 'call';
  communicationId: string;
  /** Still holding the interaction (not disconnected). */
  active: boolean;
}

/** One call placed to the customer, in order. */
export interface GenesysDialAttempt extends ProgressAttempt {
  communicationId: string;
}

/** Everything a conversation snapshot (a whole conversation, finished participants included) says about one callback. */
export interface GenesysCallbackProgress extends CallbackProgress<GenesysWrapup> {
  conversationId: string;
  customerParticipantId?: string;
  /** The `acd` participant holding the callback in a queue now (a transfer's target until answered). */
  queuedParticipantId?: string;
  attributes: Record<string, string>;
  offers: GenesysOffer[];
  attempts: GenesysDialAttempt[];
}
