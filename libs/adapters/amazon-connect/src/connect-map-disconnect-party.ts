import type { DisconnectParty } from './connect-contact-observation';

/** Who ended a connected call, from Connect's disconnect reason (contact record `DisconnectReason`). */
export function mapDisconnectParty(disconnectReason: string | undefined): DisconnectParty | undefined {
  switch (disconnectReason) {
    case 'AGENT_DISCONNECT':
      return 'agent';
    case 'CUSTOMER_DISCONNECT':
      return 'customer';
    case undefined:
      return undefined;
    default:
      return 'system';
  }
}
