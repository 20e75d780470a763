import { callingHoursOf, dialsAutomatically, nextCallingInstant, offerExpiresAt, offerTimeoutMs } from '@icc/core';
import type { Interaction, QueueConfig } from '@icc/protocol';
import { isOpen } from '../business-hours/is-open';
import { nextOpening } from '../business-hours/next-opening';
import type { EngineEmitter } from './engine-emitter';
import { interactionQueue } from './engine-queue-configs';
import { callingHoursTimerKey, isAgentFree, reofferTimerKey, type EngineState } from './engine-state';

/** Offers or dials waiting callbacks while agents are free. Called after every engine change. */
export function routeWaitingCallbacks(emitter: EngineEmitter): void {
  const { state, now } = emitter;
  for (const interactionId of [...state.customerOnLine]) offerAnsweredCall(emitter, interactionId);
  for (const [interactionId, agentId] of [...state.directedTo]) {
    const interaction = state.interactions.get(interactionId);
    if (interaction?.state !== 'queued' || !isAgentFree(state, agentId)) continue;
    // A kept callback waits for its customer's calling hours; a transfer goes to its agent regardless.
    if (interaction.transferredFrom === undefined && heldForCallingHours(emitter, interaction)) continue;
    // A kept customer-first callback calls the customer with its agent reserved, like any other.
    if (interaction.mode === 'customer-first' && !interaction.customerOnLine) dialCustomer(emitter, interaction, agentId);
    else offer(emitter, interaction, agentId);
  }
  for (const queue of state.queues.values()) {
    const waiting = state.waiting.get(queue.id);
    // Time-zone arithmetic is the costly part of routing: only pay it when someone waits.
    if (!waiting || waiting.size === 0) continue;
    if (!isOpen(queue.businessHours, now)) {
      scheduleOpening(emitter, queue);
      continue;
    }
    // Passed over in this round: cooling down after a decline, or outside the customer's calling hours.
    const passedOver = new Set<string>();
    while (waiting.size > passedOver.size && state.pool.availableCount(queue.id) > 0) {
      const next = waiting.peek(now, (id) => passedOver.has(id));
      const interaction = next && state.interactions.get(next.id);
      if (!interaction) break;
      if (heldForCallingHours(emitter, interaction)) {
        passedOver.add(interaction.id);
        continue;
      }
      const agentId = state.pool.pickAgent(queue.id, new Set(interaction.declinedBy));
      if (agentId === undefined) break;
      if (isCoolingDown(emitter, interaction, agentId)) {
        passedOver.add(interaction.id);
        continue;
      }
      if (interaction.mode === 'agent-first') offer(emitter, interaction, agentId);
      else dialCustomer(emitter, interaction, agentId);
    }
  }
}

/**
 * A callback the vendor would dial by itself (customer-first, or an auto-dial queue) is not routed
 * while its customer is outside the queue's current calling hours. Routing wakes at the earliest
 * instant one of the queue's held callbacks may be called: one timer per queue, not per callback.
 */
function heldForCallingHours(emitter: EngineEmitter, interaction: Interaction): boolean {
  const { state, now } = emitter;
  const queue = state.queues.get(interaction.queueId);
  const worksBy = interactionQueue(state, interaction);
  if (!queue || !worksBy || !dialsAutomatically(worksBy, interaction.mode)) return false;
  const callableAt = nextCallingInstant(callingHoursOf(queue), interaction.card.customerTimeZone, now);
  if (callableAt <= now) return false;
  const key = callingHoursTimerKey(queue.id);
  const dueAt = state.timers.dueAt(key);
  if (dueAt === undefined || dueAt <= now || callableAt < dueAt) state.timers.schedule(key, callableAt, { kind: 'open', targetId: queue.id });
  return true;
}

/** Customer-first: the customer answered; the reserved agent gets the offer, else the next free one. */
function offerAnsweredCall(emitter: EngineEmitter, interactionId: string): void {
  const { state } = emitter;
  const interaction = state.interactions.get(interactionId);
  if (!interaction || interaction.state !== 'queued') return;
  const reserved = interaction.agentId;
  const reservedPresent = reserved !== undefined && state.agents.get(reserved)?.presence === 'available';
  if (reserved !== undefined && reservedPresent && !interaction.declinedBy.includes(reserved)) {
    offer(emitter, interaction, reserved);
    return;
  }
  const agentId = state.pool.pickAgent(interaction.queueId, new Set(interaction.declinedBy));
  if (agentId !== undefined && !isCoolingDown(emitter, interaction, agentId)) offer(emitter, interaction, agentId);
}

/**
 * The pool falls back to an agent who already declined when everyone has; that agent gets the
 * offer again only after a cool-down, and routing wakes up when it ends.
 */
function isCoolingDown(emitter: EngineEmitter, interaction: Interaction, agentId: string): boolean {
  const until = declineCooldownUntil(emitter.state, interaction, agentId);
  if (until === undefined || until <= emitter.now) return false;
  const key = reofferTimerKey(interaction.id);
  if (emitter.state.timers.dueAt(key) !== until) {
    emitter.state.timers.schedule(key, until, { kind: 'open', targetId: interaction.queueId });
  }
  return true;
}

function offer(emitter: EngineEmitter, interaction: Interaction, agentId: string): void {
  emitter.emit({
    type: 'interaction.offered',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    agentId,
    expiresAt: offerExpiresAt(interactionQueue(emitter.state, interaction), emitter.now),
  });
}

/** Customer-first: reserve the agent and call the customer; numbers are tried in turn per attempt. */
export function dialCustomer(emitter: EngineEmitter, interaction: Interaction, agentId: string | undefined): void {
  const attempt = interaction.attempts.length + 1;
  const numbers = interaction.card.phoneNumbers;
  const phoneNumber = numbers[(attempt - 1) % numbers.length] as string;
  emitter.emit({
    type: 'interaction.dialing',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    attempt,
    phoneNumber,
    ...(agentId !== undefined ? { agentId } : {}),
    trigger: 'system',
  });
}

function scheduleOpening(emitter: EngineEmitter, queue: QueueConfig): void {
  const { state, now } = emitter;
  if ((state.waiting.get(queue.id)?.size ?? 0) === 0) return;
  const opensAt = nextOpening(queue.businessHours, now);
  if (opensAt === undefined) return;
  const key = `open:${queue.id}`;
  if (state.timers.dueAt(key) !== opensAt) state.timers.schedule(key, opensAt, { kind: 'open', targetId: queue.id });
}

/** Until when `agentId` should not be offered `interactionId` again, if it declined it recently. */
function declineCooldownUntil(state: EngineState, interaction: Interaction, agentId: string): number | undefined {
  const declined = state.declinedAt.get(interaction.id)?.get(agentId);
  if (declined === undefined) return undefined;
  return declined + offerTimeoutMs(interactionQueue(state, interaction));
}
