import type { IccEvent, OutboundEvent, OutboundEventType } from '@icc/protocol';

/**
 * The one place ICC events become the events integrators subscribe to (docs/webhooks-out.md):
 *
 * | ICC event                                  | outbound            |
 * |--------------------------------------------|---------------------|
 * | interaction.created (not a transfer's)     | callback.created    |
 * | interaction.rescheduled                    | callback.scheduled  |
 * | interaction.offered                        | callback.offered    |
 * | interaction.offer-declined                 | callback.missed     |
 * | interaction.customer-answered              | callback.answered   |
 * | interaction.closed (not by a transfer)     | callback.closed     |
 * | agent.presence-changed                     | agent.presence      |
 *
 * A transfer closes one interaction and creates another of the same callback: for the integrator the
 * callback goes on, so neither side is an event. Anything else maps to nothing.
 */
export function outboundEventTypeOf(event: IccEvent): OutboundEventType | undefined {
  switch (event.type) {
    case 'interaction.created':
      return event.transferredFrom === undefined ? 'callback.created' : undefined;
    case 'interaction.rescheduled':
      return 'callback.scheduled';
    case 'interaction.offered':
      return 'callback.offered';
    case 'interaction.offer-declined':
      return 'callback.missed';
    case 'interaction.customer-answered':
      return 'callback.answered';
    case 'interaction.closed':
      return event.outcome === 'transferred' ? undefined : 'callback.closed';
    case 'agent.presence-changed':
      return 'agent.presence';
    default:
      return undefined;
  }
}

/** Deliveries with the same key are delivered in seq order: one callback's events, or one agent's. */
export function outboundOrderKey(event: IccEvent): string {
  return event.type === 'agent.presence-changed' ? `agent:${event.agentId}` : `callback:${event.callbackId}`;
}

/** The body delivered for `event` to subscription `subscriptionId`; undefined when it maps to nothing. */
export function toOutboundEvent(event: IccEvent, subscriptionId: string): OutboundEvent | undefined {
  const type = outboundEventTypeOf(event);
  if (!type) return undefined;
  const base = { id: `${subscriptionId}.${event.seq}`, type, seq: event.seq, at: event.at };
  switch (event.type) {
    case 'agent.presence-changed':
      return { ...base, agentId: event.agentId, presence: event.presence, previousPresence: event.previous };
    case 'interaction.created':
      return { ...base, ...ids(event), callback: event.callback, ...(event.scheduledAt ? { scheduledAt: event.scheduledAt } : {}) };
    case 'interaction.rescheduled':
      return { ...base, ...ids(event), scheduledAt: event.scheduledAt };
    case 'interaction.offered':
      return { ...base, ...ids(event), agentId: event.agentId };
    case 'interaction.offer-declined':
      return { ...base, ...ids(event), agentId: event.agentId, reason: event.cause };
    case 'interaction.closed':
      return { ...base, ...ids(event), outcome: event.outcome };
    default:
      return { ...base, ...ids(event) };
  }
}

const ids = (event: { callbackId: string; interactionId: string }) => ({ callbackId: event.callbackId, interactionId: event.interactionId });
