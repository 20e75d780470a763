import { undoOnFailure } from '@icc/adapter-kit';
import { decideCallControl, decideCloseCallback, IccError } from '@icc/core';
import type { AgentCommand, IccEvent } from '@icc/protocol';
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysOffer } from './genesys-callback-progress';
import { executeGenesysCallTransfer } from './genesys-call-transfer';
import { rescheduleGenesysCallback } from './genesys-request-callback';
import { cancelGenesysCallbackTransfer, transferGenesysCallback } from './genesys-transfer-callback';
import type { CommandTarget } from './genesys-command-target';
import { convertToGenesysWrapup } from './genesys-wrapup';

/** `PATCH …/calls/{id}/participants/{id}` of the handling agent, per call control. */
const CALL_FLAGS: Partial<Record<AgentCommand['type'], Models.MediaParticipantRequest>> = {
  hold: { held: true },
  resume: { held: false },
  mute: { muted: true },
  unmute: { muted: false },
  'record-start': { recording: true },
  'record-stop': { recording: false },
  'end-call': { state: 'disconnected' },
};

const media = (offer: GenesysOffer) => (offer.media === 'callback' ? 'callbacks' : 'calls');

/** One ICC agent command as Genesys participant and communication requests. */
export async function executeGenesysAgentCommand(target: CommandTarget, command: AgentCommand): Promise<IccEvent[]> {
  const { client } = target.current;
  const { conversationId, record, config } = target;
  const flags = CALL_FLAGS[command.type];
  if (flags) {
    await client.patchParticipant('calls', conversationId, target.offer('accepted').participantId, flags);
    return [];
  }
  switch (command.type) {
    case 'accept':
    case 'reject': {
      const offer = target.offer('alerting');
      await client.patchParticipant(media(offer), conversationId, offer.participantId, { state: command.type === 'accept' ? 'connected' : 'disconnected' });
      return [];
    }
    case 'dial':
    case 'redial': {
      const phoneNumber = command.phoneNumber ?? target.view().attempts.at(-1)?.phoneNumber;
      if (phoneNumber === undefined) throw new IccError('validation_failed', 'Retry call needs a number: nothing was dialed yet');
      record.agentDialPending = true;
      await undoOnFailure(() => client.placeCall(conversationId, phoneNumber), () => (record.agentDialPending = false));
      return [];
    }
    case 'send-dtmf': {
      const customer = record.progress?.customerParticipantId;
      if (customer === undefined) throw target.refused();
      await client.sendDigits(conversationId, customer, command.digits);
      return target.emitWhen(() => [decideCallControl(target.view(), command, target.current.context.clock.now())]);
    }
    case 'submit-wrap-up': {
      const offer = target.offer('accepted');
      await client.applyWrapup(media(offer), conversationId, offer.participantId, offer.communicationId, convertToGenesysWrapup(command.wrapUp, config.wrapupCodes));
      return target.emitWhen(() => (target.view().state === 'wrap-up' ? [decideCallControl(target.view(), command, target.current.context.clock.now())] : []));
    }
    case 'close-callback': {
      const offer = target.offer('accepted');
      await client.patchParticipant('callbacks', conversationId, offer.participantId, { state: 'disconnected' });
      await client.applyWrapup('callbacks', conversationId, offer.participantId, offer.communicationId, { code: config.closeCallbackWrapupCode, notes: command.notes ?? '' });
      const { reason, notes } = command;
      const decided = { ...(reason !== undefined ? { reason } : {}), ...(notes !== undefined ? { notes } : {}) };
      return target.emitWhen(() => (target.view().state === 'closed' ? [] : [decideCloseCallback(target.view(), { ...decided, now: target.current.context.clock.now() })]));
    }
    case 'reschedule':
      return rescheduleGenesysCallback(target.current, config, { record, view: target.view() }, { start: command.start, ...(command.windowEnd !== undefined ? { windowEnd: command.windowEnd } : {}) }, 'agent', target.userId);
    case 'transfer-call':
    case 'consult-call':
    case 'merge-calls':
    case 'cancel-consult':
    case 'leave-and-transfer':
      return executeGenesysCallTransfer(target, command);
    case 'transfer-callback':
      return transferGenesysCallback(target, target.offer('accepted'), command.target);
    case 'cancel-transfer':
      return cancelGenesysCallbackTransfer(target);
    default:
      throw new IccError('capability_unsupported', `Genesys adapter does not support "${command.type}" yet`);
  }
}
