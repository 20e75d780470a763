import type { AdapterCapabilities, AgentCommandOf, CallTransferTarget, Interaction, QueueConfig } from '@icc/protocol';
import { IccError } from '../errors';
import { assertCallTransferTarget } from './assert-transfer-target';
import { callbackRefusals } from './callback-refusals';
import { queueConfigStamp } from './decide-callback-creation';
import { isoAt, type DecidedEvent } from './decided-event';

/** The destination of `transfer-call`: its `target`, or the older agent-only form. */
export function callTransferTargetOf(command: Pick<AgentCommandOf<'transfer-call'>, 'target' | 'agentId'>): CallTransferTarget {
  if (command.target !== undefined) return command.target;
  if (command.agentId !== undefined) return { kind: 'agent', agentId: command.agentId };
  throw new IccError('validation_failed', 'Give either target or agentId', [{ path: ['target'], message: 'Required', code: 'custom' }]);
}

const KIND_CAPABILITY = { queue: 'transferCallToQueue', external: 'transferCallExternal' } as const;
const KIND_WORDS = { queue: 'to a queue', external: 'to an outside number' } as const;

/** A vendor that cannot transfer a live call to a queue or an outside number refuses it with its reason. */
export function requireCallTransferKindSupported(
  capabilities: Pick<AdapterCapabilities, 'transferCallToQueue' | 'transferCallExternal' | 'reasons'>,
  target: CallTransferTarget,
): void {
  if (target.kind === 'agent') return;
  const capability = KIND_CAPABILITY[target.kind];
  if (capabilities[capability] === true) return;
  const reason = capabilities.reasons?.[capability];
  throw new IccError('capability_unsupported', `This vendor cannot transfer a live call ${KIND_WORDS[target.kind]}${reason ? `: ${reason}` : ''}`);
}

/** Where the target is refused before any vendor is asked: the agent themselves, the customer's own number. */
export function assertCallTransferTargetAllowed(
  interaction: Pick<Interaction, 'agentId' | 'card' | 'attempts'>,
  fromAgentId: string,
  target: CallTransferTarget,
): void {
  if (target.kind === 'agent') assertCallTransferTarget(fromAgentId, target.agentId);
  if (target.kind === 'external' && isCustomerNumber(interaction, target.phoneNumber)) {
    throw new IccError('validation_failed', 'Cannot transfer the customer to their own number', [
      { path: ['target', 'phoneNumber'], message: "That is the customer's own number", code: 'custom' },
    ]);
  }
}

function isCustomerNumber(interaction: Pick<Interaction, 'card' | 'attempts'>, phoneNumber: string): boolean {
  return interaction.card.phoneNumbers.includes(phoneNumber) || interaction.attempts.some((attempt) => attempt.phoneNumber === phoneNumber);
}

export interface CallRequeueCommand {
  fromAgentId: string;
  queueId: string;
  /** The queue's current configuration, undefined when it does not exist or was removed. */
  queue: QueueConfig | undefined;
  now: number;
}

/**
 * Blind transfer to a queue: the agent leaves, the customer stays on the line and waits there.
 * The waiting call follows the target queue's configuration as it is now (its offer timeout,
 * closing reasons), not the version the callback started with: it is that queue's call from here on.
 */
export function decideCallRequeue(
  interaction: Pick<Interaction, 'id' | 'callbackId'>,
  { fromAgentId, queueId, queue, now }: CallRequeueCommand,
): DecidedEvent<'interaction.call-requeued'> {
  if (!queue) throw callbackRefusals.unknownQueue(queueId);
  return {
    type: 'interaction.call-requeued',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    fromAgentId,
    queueId,
    queueName: queue.name,
    ...queueConfigStamp(queue),
  };
}

/** Blind transfer to an outside number: the call leaves ICC and the agent wraps up. */
export function decideExternalCallTransfer(
  interaction: Pick<Interaction, 'id' | 'callbackId'>,
  { fromAgentId, phoneNumber, autoCloseAt, now }: { fromAgentId: string; phoneNumber: string; autoCloseAt?: string; now: number },
): DecidedEvent<'interaction.call-transferred-externally'> {
  return {
    type: 'interaction.call-transferred-externally',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    fromAgentId,
    phoneNumber,
    ...(autoCloseAt !== undefined ? { autoCloseAt } : {}),
  };
}

/** How a wrap-up ends: a call sent to an outside number closes as transferred, any other as completed. */
export function wrapUpOutcome(interaction: Pick<Interaction, 'transferredToNumber'>): 'transferred' | 'completed' {
  return interaction.transferredToNumber !== undefined ? 'transferred' : 'completed';
}
