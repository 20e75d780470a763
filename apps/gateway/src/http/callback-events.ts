import type { AsyncEventStore } from '@icc/core';
import { isInteractionEvent, type Callback, type IccEvent, type InteractionEvent } from '@icc/protocol';

const MAX_TRANSFER_HOPS = 50;

/**
 * The callback's timeline: the events of its current interaction and of every interaction it was
 * transferred from, in `seq` order (every attempt, who, when, outcome).
 */
export async function callbackEvents(store: AsyncEventStore, callback: Callback): Promise<IccEvent[]> {
  const events: IccEvent[] = [];
  let interactionId: string | undefined = callback.interactionId;
  for (let hop = 0; interactionId !== undefined && hop < MAX_TRANSFER_HOPS; hop++) {
    const own: InteractionEvent[] = (await store.readInteraction(interactionId)).filter(isInteractionEvent);
    events.push(...own);
    const created = own.find((event) => event.type === 'interaction.created');
    interactionId = created?.type === 'interaction.created' ? created.transferredFrom : undefined;
  }
  return events.sort((a, b) => a.seq - b.seq);
}
