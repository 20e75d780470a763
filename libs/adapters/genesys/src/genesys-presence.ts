import type { Presence, SelectablePresence } from '@icc/protocol';
import type { GenesysUserRoutingStatus } from './genesys-schemas';

/** Bodies of `PATCH /api/v2/users/{userId}/presences/purecloud` and, when needed too, `PUT …/routingstatus`. */
export interface GenesysPresenceChange {
  presence: { presenceDefinition: { id: string; systemPresence: string } };
  routingStatus?: { status: 'IDLE' };
}

export type GenesysPresenceDefinitionIds = Record<'onQueue' | 'away' | 'offline', string>;

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

/** `v2.users.{userId}.routingStatus`: the user id is the topic's third part. */
export const ROUTING_STATUS_TOPIC = /^v2\.users\.([^.]+)\.routingStatus$/;

/**
 * Genesys sets a user NOT_RESPONDING when an offer alerted until its timeout ("When an alert times
 * out, the agent's status changes to Not Responding", help.mypurecloud.com/articles/set-behavior-and-thresholds-for-voice-and-chat-channels/):
 * ICC's `not-responding`. Other statuses change nothing: in ICC the agent leaves `not-responding`
 * by choosing a presence, and the adapter's own presence changes already say the rest.
 */
export function presenceFromRoutingStatus(body: GenesysUserRoutingStatus): Presence | undefined {
  return body.routingStatus?.status === 'NOT_RESPONDING' ? 'not-responding' : undefined;
}
