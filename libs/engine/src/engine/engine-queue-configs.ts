import type { Interaction, QueueConfig } from '@icc/protocol';
import { createCallbackQueue } from '../queue/callback-queue';
import { callingHoursTimerKey, type EngineState } from './engine-state';

const versionKey = (queueId: string, version: number) => `${queueId}@${version}`;

/**
 * The configuration an interaction works by: the version of its queue it started with, so a change
 * of offer timeout, dial method or auto close does not reach interactions already under way. Falls
 * back to the current version for interactions created before versions were recorded.
 */
export function interactionQueue(state: EngineState, interaction: Pick<Interaction, 'queueId' | 'queueConfigVersion'>): QueueConfig | undefined {
  const { queueId, queueConfigVersion: version } = interaction;
  if (version === undefined) return state.queues.get(queueId);
  const current = state.queues.get(queueId);
  if (current?.version === version) return current;
  const key = versionKey(queueId, version);
  let config = state.queueVersions.get(key);
  if (!config) {
    config = state.options.queueVersion?.(queueId, version);
    if (config) state.queueVersions.set(key, config);
  }
  return config ?? current;
}

/**
 * A new current version of a queue (or a new queue): new callbacks and routing use it from now
 * on; the version it replaces stays known to the interactions that started with it.
 */
export function applyQueueConfig(state: EngineState, queue: QueueConfig): void {
  const previous = state.queues.get(queue.id);
  if (previous?.version !== undefined && openInteractionUses(state, previous)) state.queueVersions.set(versionKey(previous.id, previous.version), previous);
  state.queues.set(queue.id, queue);
  if (!state.waiting.has(queue.id)) state.waiting.set(queue.id, createCallbackQueue());
  // Business or calling hours may have changed: routing derives the next opening and calling time again.
  state.timers.cancel(`open:${queue.id}`);
  state.timers.cancel(callingHoursTimerKey(queue.id));
}

/** No new callback may name a removed queue; what is still open in it keeps its version. */
export function removeQueueConfig(state: EngineState, queueId: string): void {
  const previous = state.queues.get(queueId);
  if (previous?.version !== undefined) state.queueVersions.set(versionKey(queueId, previous.version), previous);
  state.queues.delete(queueId);
  state.timers.cancel(`open:${queueId}`);
}

/** Versions no open interaction refers to any more are dropped, so the map stays bounded. */
export function forgetUnusedQueueVersions(state: EngineState): void {
  if (state.queueVersions.size === 0) return;
  const used = new Set<string>();
  for (const interaction of state.interactions.values()) {
    if (interaction.queueConfigVersion !== undefined) used.add(versionKey(interaction.queueId, interaction.queueConfigVersion));
  }
  for (const key of state.queueVersions.keys()) if (!used.has(key)) state.queueVersions.delete(key);
}

function openInteractionUses(state: EngineState, queue: QueueConfig): boolean {
  for (const interaction of state.interactions.values()) {
    if (interaction.queueId === queue.id && interaction.queueConfigVersion === queue.version) return true;
  }
  return false;
}
