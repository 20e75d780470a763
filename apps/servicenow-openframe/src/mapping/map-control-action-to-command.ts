import type { AgentCommand, Interaction } from '@icc/protocol';
import { E164PhoneNumber } from '@icc/protocol';
import type { z } from 'zod';
import {
  CallActionPayload,
  DtmfPayload,
  InitiateCallPayload,
  TransferPayload,
  type ControlActionEnvelope,
} from '../contract/control-action';

export type ActionMapping =
  | { kind: 'command'; command: AgentCommand }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'invalid'; reason: string };

const UNSUPPORTED: Record<string, string> = {
  pauseRecording: 'ICC recording has start and stop only; there is no paused recording to pause or resume.',
  resumeRecording: 'ICC recording has start and stop only; there is no paused recording to pause or resume.',
  wrapUpInitiated: 'ICC enters wrap-up when the call ends; it has no agent-initiated wrap-up command.',
  help_request: 'ICC has no supervisor help request command.',
};

function invalid(name: string, error: z.ZodError): ActionMapping {
  const issue = error.issues[0];
  return { kind: 'invalid', reason: `${name}: ${issue ? `${issue.path.join('.') || 'payload'} ${issue.message}` : 'invalid payload'}` };
}

function chosenNumber(payload: z.infer<typeof InitiateCallPayload>): string | undefined | Error {
  const raw = payload.phoneNumber ?? payload.targetAddress;
  if (raw === undefined) return undefined;
  const parsed = E164PhoneNumber.safeParse(raw);
  return parsed.success ? parsed.data : new Error(`initiateCall: ${raw} is not an E.164 number`);
}

function initiateCall(interaction: Interaction, payload: unknown): ActionMapping {
  const parsed = InitiateCallPayload.safeParse(payload ?? {});
  if (!parsed.success) return invalid('initiateCall', parsed.error);
  const number = chosenNumber(parsed.data);
  if (number instanceof Error) return { kind: 'invalid', reason: number.message };
  const interactionId = interaction.id;
  // Call number before any attempt, Retry call after one: the same button (interaction features page).
  if (interaction.attempts.length === 0) {
    const phoneNumber = number ?? interaction.card.phoneNumbers[0];
    if (phoneNumber === undefined) return { kind: 'invalid', reason: 'initiateCall: the callback has no number' };
    return { kind: 'command', command: { type: 'dial', interactionId, phoneNumber } };
  }
  return { kind: 'command', command: { type: 'redial', interactionId, ...(number ? { phoneNumber: number } : {}) } };
}

function transfer(interaction: Interaction, payload: unknown): ActionMapping {
  const parsed = TransferPayload.safeParse(payload ?? {});
  if (!parsed.success) return invalid('transfer', parsed.error);
  const { targetId, targetType, transferType } = parsed.data;
  const interactionId = interaction.id;
  // Before the customer is dialed the callback itself is transferred; during a call, the call.
  if (interaction.state === 'previewing') {
    const target = targetType === 'queue' ? { kind: 'queue' as const, queueId: targetId } : { kind: 'agent' as const, agentId: targetId };
    return { kind: 'command', command: { type: 'transfer-callback', interactionId, target } };
  }
  if (targetType === 'queue') return { kind: 'unsupported', reason: 'ICC transfers a live call to an agent, not to a queue.' };
  return {
    kind: 'command',
    command: { type: transferType === 'consult' ? 'consult-call' : 'transfer-call', interactionId, agentId: targetId },
  };
}

function dtmf(interaction: Interaction, payload: unknown): ActionMapping {
  const parsed = DtmfPayload.safeParse(payload ?? {});
  if (!parsed.success) return invalid('dtmf', parsed.error);
  return { kind: 'command', command: { type: 'send-dtmf', interactionId: interaction.id, digits: parsed.data.digits } };
}

/**
 * The ICC command for one `interaction_control_action` on an open interaction. Toggle buttons
 * (mute, hold, flag) send the command that flips the interaction's current state. The gateway still
 * decides (`allowedControls`); a refusal comes back as its error.
 */
export function mapControlActionToCommand(action: ControlActionEnvelope, interaction: Interaction): ActionMapping {
  const interactionId = interaction.id;
  const simple = (type: 'close-callback' | 'cancel-transfer' | 'end-call' | 'record-start' | 'record-stop' | 'merge-calls' | 'leave-and-transfer'): ActionMapping => {
    const parsed = CallActionPayload.safeParse(action.payload ?? {});
    return parsed.success ? { kind: 'command', command: { type, interactionId } } : invalid(action.name, parsed.error);
  };
  switch (action.name) {
    case 'initiateCall':
      return initiateCall(interaction, action.payload);
    case 'closeCallback':
      return simple('close-callback');
    case 'transfer':
      return transfer(interaction, action.payload);
    case 'cancelCallbackTransfer':
      return simple('cancel-transfer');
    case 'mute':
      return { kind: 'command', command: { type: interaction.call.muted ? 'unmute' : 'mute', interactionId } };
    case 'hold':
      return { kind: 'command', command: { type: interaction.state === 'on-hold' ? 'resume' : 'hold', interactionId } };
    case 'endCall':
      return simple('end-call');
    case 'dtmf':
      return dtmf(interaction, action.payload);
    case 'startRecording':
      return simple('record-start');
    case 'stopRecording':
      return simple('record-stop');
    case 'mergeCall':
      return simple('merge-calls');
    case 'leaveAndTransfer':
      return simple('leave-and-transfer');
    case 'flag':
      return { kind: 'command', command: { type: 'escalate', interactionId, escalated: !interaction.call.escalated } };
    default:
      return { kind: 'unsupported', reason: UNSUPPORTED[action.name] ?? `No ICC command for the action "${action.name}".` };
  }
}
