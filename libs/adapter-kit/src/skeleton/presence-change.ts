import { isoAt } from '@icc/core';
import type { NewIccEvent, Presence } from '@icc/protocol';
import type { InteractionBook } from './interaction-book';

/**
 * The `agent.presence-changed` that puts an agent in `presence` (chosen by them or reported by the
 * vendor), or nothing when the book has them there already; an agent never seen counts as offline.
 */
export function presenceChangeOf(book: Pick<InteractionBook, 'presence'>, agentId: string, presence: Presence, now: number): NewIccEvent[] {
  const previous = book.presence(agentId) ?? 'offline';
  return previous === presence ? [] : [{ type: 'agent.presence-changed', agentId, at: isoAt(now), presence, previous }];
}
