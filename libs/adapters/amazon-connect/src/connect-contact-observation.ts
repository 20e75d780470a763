import type { DialFailure } from '@icc/protocol';

export type DisconnectParty = 'agent' | 'customer' | 'system';

/**
 * One fact about one Connect contact, at the instant Connect says it happened. Contact events,
 * agent events, DescribeContact answers and the adapter's own Streams actions all become
 * observations, so duplicates and late arrivals are recognised in one place.
 */
export type ContactObservation =
  | { kind: 'initiated'; contactId: string; at: number; initialContactId?: string; previousContactId?: string; initiationMethod?: string }
  | { kind: 'queued'; contactId: string; at: number }
  | { kind: 'offered'; contactId: string; at: number; userId: string }
  | { kind: 'missed'; contactId: string; at: number; userId: string }
  | { kind: 'accepted'; contactId: string; at: number; userId: string }
  | { kind: 'dialing'; contactId: string; at: number; userId?: string }
  | { kind: 'answered'; contactId: string; at: number; userId?: string }
  | { kind: 'held'; contactId: string; at: number; held: boolean }
  /** `failure`: why the dial did not connect; undefined when the source does not say (agent events). */
  | { kind: 'disconnected'; contactId: string; at: number; answered: boolean; failure?: DialFailure; by?: DisconnectParty }
  | { kind: 'completed'; contactId: string; at: number };

/** Causal order of facts that share an instant (a snapshot carries several at once). */
const ORDER: ReadonlyArray<ContactObservation['kind']> = ['initiated', 'queued', 'offered', 'missed', 'accepted', 'dialing', 'answered', 'held', 'disconnected', 'completed'];

export function sortObservations(observations: ContactObservation[]): ContactObservation[] {
  return [...observations].sort((a, b) => a.at - b.at || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** The user id at the end of an agent ARN (`…/instance/<id>/agent/<userId>`), or undefined. */
export const userIdFromAgentArn = (arn: string | null | undefined): string | undefined => /\/agent\/([^/]+)$/.exec(arn ?? '')?.[1];

/** Epoch ms of a Connect timestamp; the 1970 placeholders some events carry count as absent. */
export function instantOf(value: string | Date | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const at = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(at) || at < Date.UTC(2000, 0, 1) ? undefined : at;
}
