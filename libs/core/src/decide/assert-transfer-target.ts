import type { Interaction, TransferTarget } from '@icc/protocol';
import { IccError } from '../errors';

/** Transfer callback goes somewhere else: never to the sending agent, never into the queue it is in. */
export function assertTransferTarget(source: Pick<Interaction, 'agentId' | 'queueId'>, target: TransferTarget): void {
  if (target.kind === 'agent' && target.agentId === source.agentId) throw new IccError('validation_failed', 'Cannot transfer a callback to yourself');
  if (target.kind === 'queue' && target.queueId === source.queueId) {
    throw new IccError('validation_failed', 'The callback is already in that queue; pick another queue');
  }
}

/** A live call goes to another agent: never back to the one who has it. */
export function assertCallTransferTarget(fromAgentId: string | undefined, toAgentId: string): void {
  if (toAgentId === fromAgentId) throw new IccError('validation_failed', 'Cannot transfer a call to yourself');
}
