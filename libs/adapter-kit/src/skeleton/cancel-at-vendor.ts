import { assertMayCancel, decideCancel, type CallbackActor } from '@icc/core';
import type { IccEvent, Interaction, NewIccEvent } from '@icc/protocol';
import type { InteractionBook } from './interaction-book';

export interface CancelAtVendor {
  book: Pick<InteractionBook, 'interaction'>;
  actor: CallbackActor;
  reason?: string | undefined;
  now(): number;
  /** Ends the callback's work item at the vendor. */
  stopWork(): Promise<unknown>;
  /** Stores the events `decide` returns (the adapter's emitter; an ordered one decides after what is queued). */
  emit(decide: () => NewIccEvent[]): Promise<IccEvent[]>;
}

/**
 * Cancels a callback as the engine does: core's `assertMayCancel` refuses before the vendor is
 * touched, the vendor ends its work item, then core's `decideCancel` event is stored, unless the
 * interaction closed meanwhile (the vendor's own news of the end came first).
 */
export async function cancelAtVendor(interaction: Interaction, cancel: CancelAtVendor): Promise<IccEvent[]> {
  assertMayCancel(interaction);
  await cancel.stopWork();
  return cancel.emit(() => (cancel.book.interaction(interaction.id) ? [decideCancel(interaction, { actor: cancel.actor, reason: cancel.reason, now: cancel.now() })] : []));
}
