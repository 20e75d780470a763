import { z } from 'zod';
import { E164PhoneNumber } from './e164-phone-number';
import { AgentId, QueueId } from './identifiers';

/** Where a callback is transferred before the customer is dialed. */
export const TransferTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('queue'), queueId: QueueId }),
    z.object({ kind: z.literal('agent'), agentId: AgentId }),
  ])
  .meta({ id: 'TransferTarget' });
export type TransferTarget = z.infer<typeof TransferTarget>;

/**
 * Where a live call is transferred (blind): another agent; a queue, where the customer stays on the
 * line and waits for the next free agent there; or an outside number, which takes the call out of ICC.
 */
export const CallTransferTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('agent'), agentId: AgentId }),
    z.object({ kind: z.literal('queue'), queueId: QueueId }),
    z.object({ kind: z.literal('external'), phoneNumber: E164PhoneNumber }),
  ])
  .meta({ id: 'CallTransferTarget' });
export type CallTransferTarget = z.infer<typeof CallTransferTarget>;
