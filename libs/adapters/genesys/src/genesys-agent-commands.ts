import { IccError, InvalidTransitionError } from '@icc/core';
import type { AgentCommand, IccEvent, NewInteractionEvent, TransferTarget } from '@icc/protocol';
import type { GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysClient } from './genesys-client';
import type { GenesysAdapterConfig } from './genesys-config';
import type { GenesysOffer } from './genesys-callback-progress';
import { convertToGenesysWrapup } from './genesys-convert-wrapup';
import { executeGenesysCallTransfer } from './genesys-call-transfer';

export interface AgentCommandDeps {
  client: GenesysClient;
  config: GenesysAdapterConfig;
  now(): number;
  /** Emits events about the record through the adapter's ordered queue; `build` sees the view at that moment. */
  emitWhen(record: GenesysCallbackRecord, build: () => NewInteractionEvent[]): Promise<IccEvent[]>;
  reschedule(record: GenesysCallbackRecord, start: string, by: 'agent'): Promise<IccEvent[]>;
  transferCallback(record: GenesysCallbackRecord, offer: GenesysOffer, target: TransferTarget): Promise<IccEvent[]>;
  cancelTransfer(record: GenesysCallbackRecord): Promise<IccEvent[]>;
}

const media = (offer: GenesysOffer) => (offer.media === 'callback' ? 'callbacks' : 'calls');

function conversationOf(record: GenesysCallbackRecord): string {
  if (record.conversationId === undefined) {
    throw new IccError('vendor_unavailable', `Interaction ${record.interactionId} is not linked to a Genesys conversation yet; try again shortly`);
  }
  return record.conversationId;
}

function offerTo(record: GenesysCallbackRecord, userId: string, outcome: GenesysOffer['outcome'], command: string): GenesysOffer {
  const offer = [...(record.progress?.offers ?? [])].reverse().find((candidate) => candidate.userId === userId && candidate.outcome === outcome);
  if (!offer) throw new InvalidTransitionError(record.view?.state ?? 'unknown', command, record.view?.mode ?? 'unknown');
  return offer;
}

/** One ICC agent command as Genesys participant and communication requests. */
export async function executeGenesysAgentCommand(
  deps: AgentCommandDeps,
  record: GenesysCallbackRecord,
  userId: string,
  command: AgentCommand,
): Promise<IccEvent[]> {
  const { client, config } = deps;
  const conversationId = conversationOf(record);
  const handler = () => offerTo(record, userId, 'accepted', command.type);
  const callFlags = async (body: Record<string, unknown>) => {
    await client.patchParticipant('calls', conversationId, handler().participantId, body);
    return [];
  };
  const ids = { interactionId: record.interactionId, callbackId: record.callbackId };
  const at = () => new Date(deps.now()).toISOString();

  switch (command.type) {
    case 'accept':
    case 'reject': {
      const offer = offerTo(record, userId, 'alerting', command.type);
      await client.patchParticipant(media(offer), conversationId, offer.participantId, { state: command.type === 'accept' ? 'connected' : 'disconnected' });
      return [];
    }
    case 'dial':
    case 'redial': {
      const phoneNumber = command.phoneNumber ?? record.view?.attempts.at(-1)?.phoneNumber;
      if (phoneNumber === undefined) throw new IccError('validation_failed', 'Retry call needs a number: nothing was dialed yet');
      record.agentDialPending = true;
      try {
        await client.placeCall(conversationId, phoneNumber);
      } catch (error) {
        record.agentDialPending = false;
        throw error;
      }
      return [];
    }
    case 'hold':
    case 'resume':
      return callFlags({ held: command.type === 'hold' });
    case 'mute':
    case 'unmute':
      return callFlags({ muted: command.type === 'mute' });
    case 'record-start':
    case 'record-stop':
      return callFlags({ recording: command.type === 'record-start' });
    case 'end-call':
      return callFlags({ state: 'disconnected' });
    case 'send-dtmf': {
      const customer = record.progress?.customerParticipantId;
      if (customer === undefined) throw new InvalidTransitionError(record.view?.state ?? 'unknown', command.type, record.view?.mode ?? 'unknown');
      await client.sendDigits(conversationId, customer, command.digits);
      return deps.emitWhen(record, () => [{ type: 'interaction.dtmf-sent', ...ids, at: at(), digits: command.digits }]);
    }
    case 'submit-wrap-up': {
      const offer = handler();
      await client.applyWrapup(media(offer), conversationId, offer.participantId, offer.communicationId, convertToGenesysWrapup(command.wrapUp, config.wrapupCodes));
      return deps.emitWhen(record, () =>
        record.view?.state === 'wrap-up'
          ? [{ type: 'interaction.closed', ...ids, at: at(), outcome: 'completed', by: 'agent', wrapUp: command.wrapUp }]
          : [],
      );
    }
    case 'close-callback': {
      const offer = handler();
      const outcome = record.view?.state === 'no-answer' ? 'no-answer' : 'completed';
      await client.patchParticipant('callbacks', conversationId, offer.participantId, { state: 'disconnected' });
      await client.applyWrapup('callbacks', conversationId, offer.participantId, offer.communicationId, {
        code: config.closeCallbackWrapupCode,
        notes: command.notes ?? '',
      });
      return deps.emitWhen(record, () =>
        record.view && record.view.state !== 'closed'
          ? [
              {
                type: 'interaction.closed',
                ...ids,
                at: at(),
                outcome,
                by: 'agent',
                ...(command.reason !== undefined ? { closeReason: command.reason } : {}),
                ...(command.notes !== undefined ? { detail: command.notes.slice(0, 500) } : {}),
              },
            ]
          : [],
      );
    }
    case 'reschedule':
      return deps.reschedule(record, command.start, 'agent');
    case 'transfer-call':
    case 'consult-call':
    case 'merge-calls':
    case 'cancel-consult':
    case 'leave-and-transfer':
      return executeGenesysCallTransfer(deps, record, conversationId, record.view?.agentId ?? '', handler(), command);
    case 'transfer-callback':
      return deps.transferCallback(record, handler(), command.target);
    case 'cancel-transfer':
      return deps.cancelTransfer(record);
    default:
      throw new IccError('capability_unsupported', `Genesys adapter does not support "${command.type}" yet`);
  }
}
