import type { AgentCommand } from '@icc/protocol';
import { callbackRefusals, IccError, InvalidTransitionError } from '@icc/core';
import type { ClosedCallback } from './closed-records';
import type { EngineState } from './engine-state';

/**
 * The engine forgets what it closed, but answers about it as when it still held it (closed):
 * from its record of the latest closings, else (callbacks) from the event store.
 */
export function recallClosedCallback(state: EngineState, callbackId: string): ClosedCallback | undefined {
  const remembered = state.closed.callback(callbackId);
  if (remembered) return remembered;
  return state.options.storedCallback?.(callbackId);
}

/** The refusal of a command on an interaction the engine does not hold. */
export function refusalForAbsentInteraction(state: EngineState, agentId: string, command: AgentCommand): IccError {
  const closed = state.closed.interaction(command.interactionId);
  if (!closed) return new IccError('not_found', `Interaction ${command.interactionId} does not exist`);
  if (closed.agentId !== agentId) return callbackRefusals.notHandledBy(command.interactionId, agentId);
  return new InvalidTransitionError('closed', command.type, closed.mode);
}

/** The refusal of a change (`attempted`) to a callback the engine holds no open interaction for. */
export function refusalForAbsentCallback(state: EngineState, callbackId: string, attempted: string): IccError {
  return callbackRefusals.noOpenInteraction(callbackId, attempted, recallClosedCallback(state, callbackId));
}
