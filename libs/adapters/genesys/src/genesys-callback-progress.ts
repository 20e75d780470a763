import type { GenesysDialOutcome, GenesysOfferOutcome } from './genesys-map-communication';
import type { GenesysWrapup } from './genesys-schemas';

/** One time an agent was alerted with the interaction (an `agent` participant), in order. */
export interface GenesysOffer {
  participantId: string;
  userId: string;
  outcome: GenesysOfferOutcome;
  /** The communication the agent was offered: the callback (agent-first) or the call (customer-first). */
  media: 'callback' | 'call';
  communicationId: string;
  alertingTimeoutMs?: number;
  connectedTime?: string;
  /** Agent-first with auto dial: seconds after `connectedTime` the call is placed by itself. */
  timeoutSeconds?: number;
  /** Still holding the interaction (not disconnected). */
  active: boolean;
}

/** One call placed to the customer, in order. */
export interface GenesysDialAttempt {
  communicationId: string;
  phoneNumber: string;
  outcome: GenesysDialOutcome;
  connectedTime?: string;
  disconnectedTime?: string;
  /** Answered calls that ended: who hung up. */
  endedBy?: 'agent' | 'customer' | 'system';
}

/** Everything a conversation snapshot (a whole conversation, finished participants included) says about one callback. */
export interface GenesysCallbackProgress {
  conversationId: string;
  /** The customer's current callback communication: waiting for its time, live, or over. */
  callback: 'scheduled' | 'live' | 'ended';
  scheduledTime?: string;
  customerParticipantId?: string;
  /** The `acd` participant holding the callback in a queue now (a transfer's target until answered). */
  queuedParticipantId?: string;
  attributes: Record<string, string>;
  offers: GenesysOffer[];
  attempts: GenesysDialAttempt[];
  /** The handling agent's call flags, while the call is up. */
  call?: { held: boolean; muted: boolean; recording: boolean };
  /** After-call work of the handling agent. */
  afterCallWork?: { startedAt: string; timeoutMs?: number };
  wrapup?: GenesysWrapup;
}
