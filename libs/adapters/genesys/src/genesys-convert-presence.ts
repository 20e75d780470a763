import type { SelectablePresence } from '@icc/protocol';

export interface GenesysPresenceChange {
  /** Body of `PATCH /api/v2/users/{userId}/presences/purecloud`. */
  presence: { presenceDefinition: { id: string; systemPresence: string } };
  /** Body of `PUT /api/v2/users/{userId}/routingstatus`, when the routing status must be set too. */
  routingStatus?: { status: 'IDLE' };
}

export interface GenesysPresenceDefinitionIds {
  onQueue: string;
  away: string;
  offline: string;
}

/**
 * ICC presence as Genesys presence: available is On Queue, and its routing status is set to IDLE
 * too, because an agent Genesys marked NOT_RESPONDING (an offer timed out) stays unroutable otherwise.
 */
export function convertToGenesysPresence(presence: SelectablePresence, ids: GenesysPresenceDefinitionIds): GenesysPresenceChange {
  switch (presence) {
    case 'available':
      return { presence: { presenceDefinition: { id: ids.onQueue, systemPresence: 'On Queue' } }, routingStatus: { status: 'IDLE' } };
    case 'away':
      return { presence: { presenceDefinition: { id: ids.away, systemPresence: 'Away' } } };
    case 'offline':
      return { presence: { presenceDefinition: { id: ids.offline, systemPresence: 'Offline' } } };
  }
}
