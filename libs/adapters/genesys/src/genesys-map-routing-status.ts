import type { Presence } from '@icc/protocol';
import type { GenesysUserRoutingStatus } from './genesys-schemas';

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
