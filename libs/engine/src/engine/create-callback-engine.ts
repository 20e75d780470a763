import { isWorkPresence } from '@icc/protocol';
import { createEmitter, type EngineEmitter } from './engine-emitter';
import { changePresence, followWork } from './engine-presence';
import { cancelCallback, requestCallback, rescheduleCallback, updateCallback } from './engine-intake';
import { executeAgentCommand } from './engine-commands';
import { forgetClosed } from './engine-eviction';
import { measureFootprint } from './engine-footprint';
import { restoreEngine } from './engine-restore';
import { routeWaitingCallbacks } from './engine-routing';
import { createEngineState } from './engine-state';
import { applyQueueConfig, removeQueueConfig } from './engine-queue-configs';
import { handleTelephonyOutcome } from './engine-telephony';
import { handleDueTimer } from './engine-timers';
import type { CallbackEngine, CallbackEngineOptions } from './engine-types';

/** Average handling time used for the estimated wait until real figures exist. */
const ASSUMED_HANDLE_SECONDS = 240;

export function createCallbackEngine(options: CallbackEngineOptions): CallbackEngine {
  const state = createEngineState(options);

  /**
   * Runs one change, then routing, then forgets what they closed. Presence follows the work before
   * routing (an agent whose work ended is available for the next offer) and after it. Handlers
   * validate before they emit, so a rejected change emits nothing.
   */
  const run = (now: number, change: (emitter: EngineEmitter) => void) => {
    const emitter = createEmitter(state, now);
    try {
      change(emitter);
      followWork(emitter);
      routeWaitingCallbacks(emitter);
      followWork(emitter);
    } finally {
      forgetClosed(state, emitter.closedInteractionIds);
    }
    return emitter.events;
  };

  return {
    requestCallback: (request, identity, now) => run(now, (emitter) => requestCallback(emitter, request, identity)),
    updateCallback: (callbackId, changes, now) => run(now, (emitter) => updateCallback(emitter, callbackId, changes)),
    cancelCallback: (callbackId, actor, reason, now) =>
      run(now, (emitter) => cancelCallback(emitter, callbackId, actor, reason)),
    reschedule: (callbackId, request, actor, now) =>
      run(now, (emitter) => rescheduleCallback(emitter, callbackId, request, actor)),
    setPresence: (agentId, presence, now) => run(now, (emitter) => changePresence(emitter, agentId, presence)),
    execute: (agentId, command, now) => run(now, (emitter) => executeAgentCommand(emitter, agentId, command)),
    telephony: (interactionId, outcome, now) =>
      run(now, (emitter) => handleTelephonyOutcome(emitter, interactionId, outcome)),
    tick: (now) =>
      run(now, (emitter) => {
        for (const due of state.timers.drainDue(now)) handleDueTimer(emitter, due.item);
      }),
    nextWakeAt: () => state.timers.peekDueAt(),
    applyQueueConfig: (queue, now) => run(now, () => applyQueueConfig(state, queue)),
    removeQueue: (queueId, now) => run(now, () => removeQueueConfig(state, queueId)),
    restore: (openInteractions, getCallback, now) =>
      run(now, (emitter) => restoreEngine(emitter, openInteractions, getCallback)),
    interaction: (interactionId) => state.interactions.get(interactionId),
    callback: (callbackId) => state.callbacks.get(callbackId),
    agent: (agentId) => state.agents.get(agentId),
    queuePosition(callbackId, now) {
      const callback = state.callbacks.get(callbackId);
      const interaction = callback && state.interactions.get(callback.interactionId);
      const waiting = interaction && state.waiting.get(interaction.queueId);
      const position = interaction && waiting ? waiting.position(interaction.id, now) : undefined;
      if (!interaction || position === undefined) return { position: null, estimatedWaitSeconds: null };
      // Agents busy with a callback or in wrap-up staff the queue too: they are free again soon.
      const staffed = [...state.agents.values()].filter(
        (agent) => (agent.presence === 'available' || isWorkPresence(agent.presence)) && agent.queueIds.includes(interaction.queueId),
      ).length;
      return { position, estimatedWaitSeconds: Math.round((position * ASSUMED_HANDLE_SECONDS) / Math.max(1, staffed)) };
    },
    footprint: () => measureFootprint(state),
  };
}
