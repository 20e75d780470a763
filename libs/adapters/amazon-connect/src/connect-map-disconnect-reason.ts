import type { DialFailure } from '@icc/protocol';
import type { DisconnectParty } from './connect-contact-observation';

/**
 * Why a call did not connect, from the contact's `DisconnectReason` (values and meanings: admin
 * guide, "Contact records data model", https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html).
 * Answering-machine statuses are not used: Connect reports them for outbound campaign calls only.
 * The agent cancelling while it rang counts as no answer, as in the ICC engine.
 */
const DIAL_FAILURES: Record<string, DialFailure> = {
  TELECOM_BUSY: 'busy',
  TELECOM_TIMEOUT: 'no-answer',
  TELECOM_UNANSWERED: 'no-answer',
  TELECOM_ORIGINATOR_CANCEL: 'no-answer',
  AGENT_DISCONNECT: 'no-answer',
  CUSTOMER_DISCONNECT: 'no-answer',
  EXPIRED: 'no-answer',
};

export const mapDialFailure = (disconnectReason: string | undefined): DialFailure => DIAL_FAILURES[disconnectReason ?? ''] ?? 'failed';

/** Who ended a connected call, from the same `DisconnectReason`. */
export function mapDisconnectParty(disconnectReason: string | undefined): DisconnectParty | undefined {
  if (disconnectReason === undefined) return undefined;
  return disconnectReason === 'AGENT_DISCONNECT' ? 'agent' : disconnectReason === 'CUSTOMER_DISCONNECT' ? 'customer' : 'system';
}
