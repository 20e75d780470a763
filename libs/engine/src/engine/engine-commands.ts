import type { AgentCommand, Interaction, QueueConfig } from '@icc/protocol';
import {
  callingHoursOf,
  callTransferTargetOf,
  decideCallControl,
  isWithinCallingHours,
  decideCloseCallback,
  decideExtendWrapUp,
  decideReschedule,
  decideTransferCompleted,
  numberToCall,
  requireCommandAllowed,
  requireCustomerNumber,
} from '@icc/core';
import type { EngineEmitter } from './engine-emitter';
import { refusalForAbsentInteraction } from './engine-recall';
import { cancelTransfer, requireFreeAgent, returnRejectedTransfer, startTransfer, transferCall } from './engine-transfers';
import { autoClose } from './engine-telephony';
import { interactionQueue } from './engine-queue-configs';

/**
 * Agent-first auto dial: the countdown starts at accept. When it would end outside the customer's
 * calling hours there is none: the agent dials by hand (the workspace warns) or reschedules.
 */
function autoDialAfterAccept(emitter: EngineEmitter, interaction: Interaction, queue: QueueConfig): { autoDialAt?: string } {
  if (interaction.mode !== 'agent-first' || queue.dialMethod.type !== 'auto') return {};
  const dialAt = emitter.now + queue.dialMethod.countdownSeconds * 1000;
  const hours = callingHoursOf(emitter.state.queues.get(interaction.queueId) ?? queue);
  if (!isWithinCallingHours(hours, interaction.card.customerTimeZone, dialAt)) return {};
  return { autoDialAt: new Date(dialAt).toISOString() };
}

/** Checks that `agentId` may send `command` now, then emits what it causes. */
export function executeAgentCommand(emitter: EngineEmitter, agentId: string, command: AgentCommand): void {
  const { state } = emitter;
  const interaction = state.interactions.get(command.interactionId);
  if (!interaction) throw refusalForAbsentInteraction(state, agentId, command);
  const queue = requireCommandAllowed(interaction, { agentId, command, queue: interactionQueue(state, interaction), capabilities: state.options.capabilities });
  const ids = { interactionId: interaction.id, callbackId: interaction.callbackId };
  switch (command.type) {
    case 'accept':
      emitter.emit({
        type: 'interaction.accepted',
        ...ids,
        agentId,
        ...autoDialAfterAccept(emitter, interaction, queue),
      });
      completeTransferInto(emitter, interaction);
      return;
    case 'reject':
      emitter.emit({ type: 'interaction.offer-declined', ...ids, agentId, cause: 'rejected' });
      returnRejectedTransfer(emitter, interaction, agentId);
      return;
    case 'dial':
      requireCustomerNumber(interaction, command.phoneNumber);
      emitDial(emitter, interaction, agentId, command.phoneNumber);
      return;
    case 'redial': {
      emitDial(emitter, interaction, agentId, numberToCall(interaction, command.phoneNumber));
      return;
    }
    case 'hold':
      return emitter.emit({ type: 'interaction.held', ...ids });
    case 'resume':
      return emitter.emit({ type: 'interaction.resumed', ...ids });
    case 'mute':
    case 'unmute':
    case 'record-start':
    case 'record-stop':
    case 'send-dtmf':
    case 'submit-wrap-up':
      return emitter.emit(decideCallControl(interaction, command, emitter.now));
    case 'escalate':
      return emitter.emit({ type: 'interaction.escalated', ...ids, escalated: command.escalated });
    case 'transfer-callback':
      return startTransfer(emitter, interaction, command.target);
    case 'cancel-transfer':
      return cancelTransfer(emitter, interaction);
    case 'transfer-call':
      return transferCall(emitter, interaction, agentId, callTransferTargetOf(command));
    case 'consult-call':
      requireFreeAgent(emitter, command.agentId, agentId);
      return emitter.emit({ type: 'interaction.consult-started', ...ids, agentId: command.agentId });
    case 'merge-calls':
      return emitter.emit({ type: 'interaction.consult-ended', ...ids, result: 'merged' });
    case 'cancel-consult':
      return emitter.emit({ type: 'interaction.consult-ended', ...ids, result: 'cancelled' });
    case 'leave-and-transfer':
      return emitter.emit({
        type: 'interaction.call-transferred',
        ...ids,
        fromAgentId: agentId,
        toAgentId: interaction.call.consultAgentId as string,
        method: 'consult',
      });
    case 'end-call':
      if (interaction.state === 'dialing') {
        return emitter.emit({ type: 'interaction.dial-failed', ...ids, failure: 'no-answer' });
      }
      return emitter.emit({ type: 'interaction.call-ended', ...ids, by: 'agent', ...autoClose(emitter, interaction) });
    case 'extend-wrap-up':
      return emitter.emit(decideExtendWrapUp(interaction, { agentId, seconds: command.seconds, now: emitter.now }));
    case 'close-callback':
      return emitter.emit(decideCloseCallback(interaction, { reason: command.reason, notes: command.notes, now: emitter.now }));
    case 'reschedule': {
      const request = {
        start: command.start,
        ...(command.windowEnd !== undefined ? { windowEnd: command.windowEnd } : {}),
        ...(command.assignedAgentId !== undefined ? { assignedAgentId: command.assignedAgentId } : {}),
      };
      const { capabilities } = state.options;
      return emitter.emit(decideReschedule(interaction, { request, actor: 'agent', capabilities, now: emitter.now }));
    }
  }
}

function emitDial(emitter: EngineEmitter, interaction: Interaction, agentId: string, phoneNumber: string): void {
  emitter.emit({
    type: 'interaction.dialing',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    attempt: interaction.attempts.length + 1,
    phoneNumber,
    agentId,
    trigger: 'agent',
  });
}


/** The receiver accepted a transferred callback: the sending interaction closes as transferred. */
function completeTransferInto(emitter: EngineEmitter, accepted: Interaction): void {
  if (accepted.transferredFrom === undefined) return;
  const source = emitter.state.interactions.get(accepted.transferredFrom);
  emitter.state.directedTo.delete(accepted.id);
  const closed = decideTransferCompleted(accepted, source, emitter.now);
  if (closed) emitter.emit(closed);
}
