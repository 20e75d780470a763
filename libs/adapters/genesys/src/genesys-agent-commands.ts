import { decideCloseCallback, IccError, InvalidTransitionError } from '@icc/core';
import type { AgentCommand, IccEvent, Interaction, NewIccEvent, TransferTarget } from '@icc/protocol';
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysCallbackRecord } from './genesys-conversation-sync';
import type { GenesysClient } from './genesys-client';
import type { GenesysAdapterConfig } from './genesys-config';
import type { GenesysOffer } from './genesys-callback-progress';
import { convertToGenesysWrapup } from './genesys-wrapup';
import { executeGenesysCallTransfer } from './genesys-call-transfer';

export interface AgentCommandDeps {
  client: GenesysClient;
  config: GenesysAdapterConfig;
  now(): number;
  /** The interaction as ICC knows it now; undefined once closed. */
  view(): Interaction | undefined;
  /** Stores events on the adapter's ordered queue; `build` runs there, after every snapshot before it. */
  emitWhen(build: () => NewIccEvent[]): Promise<IccEvent[]>;
  reschedule(start: string): Promise<IccEvent[]>;
  transferCallback(offer: GenesysOffer, target: TransferTarget): Promise<IccEvent[]>;
  cancelTransfer(): Promise<IccEvent[]>;
}

/** `PATCH /api/v2/conversations/calls/{id}/participants/{id}` of the handling agent, per call control. */
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

function conversationOf(record: GenesysCallbackRecord): string {
  if (record.vendorRef === undefined) {
    throw new IccError('vendor_unavailable', `Interaction ${record.interactionId} is not linked to a Genesys conversation yet; try again shortly`);
  }
  return record.vendorRef;
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
  const refused = () => new InvalidTransitionError(deps.view()?.state ?? 'unknown', command.type, deps.view()?.mode ?? 'unknown');
  const offerTo = (outcome: GenesysOffer['outcome']): GenesysOffer => {
    const offer = [...(record.progress?.offers ?? [])].reverse().find((candidate) => candidate.userId === userId && candidate.outcome === outcome);
    if (!offer) throw refused();
    return offer;
  };
  const handler = () => offerTo('accepted');
  const ids = { interactionId: record.interactionId, callbackId: record.callbackId };
  const at = () => new Date(deps.now()).toISOString();

  const flags = CALL_FLAGS[command.type];
  if (flags) {
    await client.patchParticipant('calls', conversationId, handler().participantId, flags);
    return [];
  }
  switch (command.type) {
    case 'accept':
    case 'reject': {
      const offer = offerTo('alerting');
      await client.patchParticipant(media(offer), conversationId, offer.participantId, { state: command.type === 'accept' ? 'connected' : 'disconnected' });
      return [];
    }
    case 'dial':
    case 'redial': {
      const phoneNumber = command.phoneNumber ?? deps.view()?.attempts.at(-1)?.phoneNumber;
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
    case 'send-dtmf': {
      const customer = record.progress?.customerParticipantId;
      if (customer === undefined) throw refused();
      await client.sendDigits(conversationId, customer, command.digits);
      return deps.emitWhen(() => [{ type: 'interaction.dtmf-sent', ...ids, at: at(), digits: command.digits }]);
    }
    case 'submit-wrap-up': {
      const offer = handler();
      await client.applyWrapup(media(offer), conversationId, offer.participantId, offer.communicationId, convertToGenesysWrapup(command.wrapUp, config.wrapupCodes));
      return deps.emitWhen(() =>
        deps.view()?.state === 'wrap-up'
          ? [{ type: 'interaction.closed', ...ids, at: at(), outcome: 'completed', by: 'agent', wrapUp: command.wrapUp }]
          : [],
      );
    }
    case 'close-callback': {
      const offer = handler();
      await client.patchParticipant('callbacks', conversationId, offer.participantId, { state: 'disconnected' });
      await client.applyWrapup('callbacks', conversationId, offer.participantId, offer.communicationId, { code: config.closeCallbackWrapupCode, notes: command.notes ?? '' });
      return deps.emitWhen(() => {
        const view = deps.view();
        return view ? [decideCloseCallback(view, { ...(command.reason !== undefined ? { reason: command.reason } : {}), ...(command.notes !== undefined ? { notes: command.notes } : {}), now: deps.now() })] : [];
      });
    }
    case 'reschedule':
      return deps.reschedule(command.start);
    case 'transfer-call':
    case 'consult-call':
    case 'merge-calls':
    case 'cancel-consult':
    case 'leave-and-transfer':
      return executeGenesysCallTransfer(deps, record, conversationId, deps.view()?.agentId ?? '', handler(), command);
    case 'transfer-callback':
      return deps.transferCallback(handler(), command.target);
    case 'cancel-transfer':
      return deps.cancelTransfer();
    default:
      throw new IccError('capability_unsupported', `Genesys adapter does not support "${command.type}" yet`);
  }
}
