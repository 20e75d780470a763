import { decideExpiry, isExpiryArmed, reduceInteraction, type AdapterContext, type Clock, type DecidedEvent } from '@icc/core';
import { isInteractionEvent, type Callback, type Interaction, type NewIccEvent, type Presence } from '@icc/protocol';
import { createTimerSet } from './timer-set';

export interface InteractionBookOptions {
  clock: Clock;
  /**
   * The interaction reached its expire time in a state where it still matters (core's
   * `decideExpiry`, whose close event this is): the vendor stops its work item and emits `closed`.
   * Without it, no expiry is armed (the vendor expires callbacks by itself).
   */
  onExpired?(interaction: Interaction, closed: DecidedEvent<'interaction.closed'>): void;
  /** An interaction closed and was forgotten: drop what the adapter keeps beside it (contacts, records). */
  onForgotten?(interaction: Interaction): void;
}

/**
 * What an adapter knows of the interactions it carries: each open one folded from the events it
 * emitted (the event store's fold), restored from `openInteractions` at start. Closed is final and
 * stored by the gateway, so a closed interaction is forgotten with its callback.
 */
export interface InteractionBook {
  /** An open interaction; undefined when closed (or never ours). */
  interaction(interactionId: string): Interaction | undefined;
  /** Every open interaction. */
  interactions(): Interaction[];
  /** The callback as created, and its current interaction; undefined once that closed. */
  callback(callbackId: string): { callback: Callback; interactionId: string } | undefined;
  /** An agent's presence as last emitted (or restored). */
  presence(agentId: string): Presence | undefined;
  /** Folds events into the interactions and re-arms their expiry; throws on a transition the state machine forbids. */
  fold(events: readonly NewIccEvent[]): void;
  /** The open interactions, their callbacks and agents' presence as the gateway last persisted them; arms their expiry. */
  restore(context: Pick<AdapterContext, 'openInteractions' | 'getCallback' | 'agents'>): void;
  /** Core's expiry close decided again now (the vendor stopped the work item meanwhile); none when the interaction moved on. */
  expiryNow(interactionId: string): Array<DecidedEvent<'interaction.closed'>>;
  /** When the expiry of an interaction is armed for. */
  expiryArmedAt(interactionId: string): number | undefined;
  /** Cancels every expiry timer (the adapter stopped). */
  clear(): void;
}

export function createInteractionBook(options: InteractionBookOptions): InteractionBook {
  const interactions = new Map<string, Interaction>();
  const callbacks = new Map<string, { callback: Callback; interactionId: string }>();
  const presence = new Map<string, Presence>();
  const expiries = createTimerSet(options.clock);

  // Armed while core says the expire time applies (the `expirable` trait), disarmed otherwise:
  // an interaction that becomes expirable again (an offer declined) is re-armed by that event.
  const armExpiry = (interaction: Interaction) => {
    const onExpired = options.onExpired;
    if (!onExpired || !isExpiryArmed(interaction)) return expiries.cancel(interaction.id);
    const dueAt = Date.parse(interaction.expireAt as string);
    if (expiries.dueAt(interaction.id) === dueAt) return;
    expiries.set(interaction.id, dueAt, () => {
      const current = interactions.get(interaction.id);
      const closed = current && decideExpiry(current, options.clock.now());
      if (current && closed) onExpired(current, closed);
    });
  };

  const keep = (interaction: Interaction) => {
    if (interaction.state === 'closed') {
      interactions.delete(interaction.id);
      expiries.cancel(interaction.id);
      if (callbacks.get(interaction.callbackId)?.interactionId === interaction.id) callbacks.delete(interaction.callbackId);
      options.onForgotten?.(interaction);
      return;
    }
    interactions.set(interaction.id, interaction);
    armExpiry(interaction);
  };

  return {
    interaction: (interactionId) => interactions.get(interactionId),
    interactions: () => [...interactions.values()],
    callback: (callbackId) => callbacks.get(callbackId),
    presence: (agentId) => presence.get(agentId),
    fold(events) {
      for (const event of events) {
        if (!isInteractionEvent(event)) {
          presence.set(event.agentId, event.presence);
          continue;
        }
        const folded = reduceInteraction(interactions.get(event.interactionId), event);
        if (event.type === 'interaction.created') callbacks.set(event.callbackId, { callback: event.callback, interactionId: folded.id });
        keep(folded);
      }
    },
    restore(context) {
      for (const agent of context.agents) presence.set(agent.id, agent.presence);
      for (const interaction of context.openInteractions) {
        const callback = context.getCallback(interaction.callbackId);
        if (callback) callbacks.set(callback.id, { callback, interactionId: interaction.id });
        keep(interaction);
      }
    },
    expiryNow(interactionId) {
      const current = interactions.get(interactionId);
      const closed = current && decideExpiry(current, options.clock.now());
      return closed ? [closed] : [];
    },
    expiryArmedAt: (interactionId) => expiries.dueAt(interactionId),
    clear: () => expiries.clear(),
  };
}
