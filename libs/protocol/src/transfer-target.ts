import { z } from 'zod';
import { AgentId, QueueId } from './identifiers';

/** Where a callback is transferred before the customer is dialed. */
export const TransferTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('queue'), queueId: QueueId }),
    z.object({ kind: z.literal('agent'), agentId: AgentId }),
  ])
  .meta({ id: 'TransferTarget' });
export type TransferTarget = z.infer<typeof TransferTarget>;
