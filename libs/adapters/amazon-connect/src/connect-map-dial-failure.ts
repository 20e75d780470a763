import type { DialFailure } from '@icc/protocol';

/**
 * Why a call did not connect, from the contact's `disconnectReason` (values and meanings: admin
 * guide, "Contact records data model", DisconnectReason,
 * https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html). Answering-machine
 * statuses are not used: Connect reports them for outbound campaign calls only. The agent
 * cancelling while it rang counts as no answer, as in the ICC engine.
 */
export function mapDialFailure(disconnectReason: string | undefined): DialFailure {
  switch (disconnectReason) {
    case 'TELECOM_BUSY':
      return 'busy';
    case 'TELECOM_TIMEOUT':
    case 'TELECOM_UNANSWERED':
    case 'TELECOM_ORIGINATOR_CANCEL':
    case 'AGENT_DISCONNECT':
    case 'CUSTOMER_DISCONNECT':
    case 'EXPIRED':
      return 'no-answer';
    default:
      return 'failed';
  }
}
