import { reduceCallback, reduceInteraction, type AdapterSink } from '@icc/core';
import {
  NewIccEvent,
  isInteractionEvent,
  type Callback,
  type IccEvent,
  type Interaction,
  type InteractionState,
} from '@icc/protocol';

/**
 * An `AdapterSink` that behaves like the event store: it numbers events, checks each one against
 * the protocol schema and the interaction state machine, and refuses a batch as a whole when one
 * event is not legal. Refusals are also kept in `violations`, so an adapter that swallows the
 * rejection still fails the scenario.
 */
export interface RecordingSink extends AdapterSink {
  readonly events: readonly IccEvent[];
  readonly violations: readonly string[];
  interaction(interactionId: string): Interaction | undefined;
  interactions(): Interaction[];
  /** The state after each event of the interaction, oldest first. */
  stateHistory(interactionId: string): Array<{ seq: number; state: InteractionState }>;
  callback(callbackId: string): Callback | undefined;
}

export function createRecordingSink(): RecordingSink {
  const events: IccEvent[] = [];
  const violations: string[] = [];
  const interactions = new Map<string, Interaction>();
  const callbacks = new Map<string, Callback>();
  const histories = new Map<string, Array<{ seq: number; state: InteractionState }>>();

  const refuse = (message: string) => {
    violations.push(message);
    return Promise.reject(new Error(`conformance sink refused the batch: ${message}`));
  };

  return {
    events,
    violations,
    emit(batch) {
      const nextInteractions = new Map<string, Interaction>();
      const nextCallbacks = new Map<string, Callback>();
      const nextStates: Array<{ interactionId: string; seq: number; state: InteractionState }> = [];
      const stored: IccEvent[] = [];
      for (const [index, event] of batch.entries()) {
        const parsed = NewIccEvent.safeParse(event);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return refuse(`${event.type} does not match the protocol at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
        }
        const withSeq = { ...event, seq: events.length + index + 1 } as IccEvent;
        if (isInteractionEvent(withSeq)) {
          const id = withSeq.interactionId;
          let folded: Interaction;
          try {
            folded = reduceInteraction(nextInteractions.get(id) ?? interactions.get(id), withSeq);
          } catch (error) {
            return refuse(`${withSeq.type} on ${id}: ${error instanceof Error ? error.message : String(error)}`);
          }
          nextInteractions.set(id, folded);
          nextStates.push({ interactionId: id, seq: withSeq.seq, state: folded.state });
          const callback = reduceCallback(nextCallbacks.get(withSeq.callbackId) ?? callbacks.get(withSeq.callbackId), withSeq);
          if (callback) nextCallbacks.set(callback.id, callback);
        }
        stored.push(withSeq);
      }
      for (const [id, interaction] of nextInteractions) interactions.set(id, interaction);
      for (const [id, callback] of nextCallbacks) callbacks.set(id, callback);
      for (const { interactionId, seq, state } of nextStates) {
        const history = histories.get(interactionId) ?? [];
        history.push({ seq, state });
        histories.set(interactionId, history);
      }
      events.push(...stored);
      return Promise.resolve(stored.map((event) => ({ ...event })));
    },
    interaction: (interactionId) => interactions.get(interactionId),
    interactions: () => [...interactions.values()],
    stateHistory: (interactionId) => [...(histories.get(interactionId) ?? [])],
    callback: (callbackId) => callbacks.get(callbackId),
  };
}
