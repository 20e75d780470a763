import { buildAgentEvent, buildAgentSnapshot, type AgentSnapshot, type SimulatedAgentContactState } from './build-agent-event';
import { buildContactEvent, type SimulatedContactEventType } from './build-contact-event';
import type { EventDelivery } from './event-delivery';
import type { SimulatedContact, SimulatedInstance, SimulatedUser } from './simulated-instance';

/** Publishes what happened in the instance on both streams the relay forwards to the webhook. */
export interface EventPublisher {
  contactEvent(contact: SimulatedContact, eventType: SimulatedContactEventType, extra?: { updatedProperties?: string[] }): void;
  /** A STATE_CHANGE for the user's CCP as it is now, or with `transient` shown for one event (MISSED). */
  agentEvent(user: SimulatedUser, transient?: { contact: SimulatedContact; state: SimulatedAgentContactState }): void;
}

export function createEventPublisher(instance: SimulatedInstance, delivery: EventDelivery): EventPublisher {
  const lastSnapshots = new Map<string, AgentSnapshot>();
  return {
    contactEvent(contact, eventType, extra) {
      contact.lastUpdatedAt = instance.clock.now();
      delivery.publish(buildContactEvent(instance, contact, eventType, extra));
    },
    agentEvent(user, transient) {
      const current = buildAgentSnapshot(instance, user, transient);
      delivery.publish(buildAgentEvent(instance, user, current, lastSnapshots.get(user.id)));
      lastSnapshots.set(user.id, current);
    },
  };
}
