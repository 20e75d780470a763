import { callbackRefusals, type AdapterContext } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import type { InteractionBook } from './interaction-book';

/**
 * The open interaction of a callback the adapter is asked to change (`attempted`: `cancel`,
 * `reschedule`, …). A callback the gateway stored as closed is refused as after close; one nobody
 * knows, as not found (core's `noOpenInteraction`, as the engine refuses).
 */
export function requireOpenInteraction(
  book: InteractionBook,
  context: Pick<AdapterContext, 'getCallback'>,
  callbackId: string,
  attempted: string,
): Interaction {
  const open = book.callback(callbackId);
  const interaction = open && book.interaction(open.interactionId);
  if (interaction) return interaction;
  throw callbackRefusals.noOpenInteraction(callbackId, attempted, context.getCallback(callbackId));
}
