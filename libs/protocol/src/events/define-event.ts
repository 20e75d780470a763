import { z } from 'zod';
import { AgentId, CallbackId, InteractionId } from '../identifiers';
import { Instant } from '../instant';

/** Position of an event in the global log; assigned by the event store, strictly increasing. */
export const EventSeq = z.number().int().min(1).meta({ id: 'EventSeq' });

function schemaId(type: string): string {
  return (
    type
      .split(/[.-]/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('') + 'Event'
  );
}

/** An event about one interaction of one callback. */
export function defineInteractionEvent<Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) {
  return z
    .object({
      type: z.literal(type),
      seq: EventSeq,
      at: Instant,
      interactionId: InteractionId,
      callbackId: CallbackId,
      ...shape,
    })
    .meta({ id: schemaId(type) });
}

/** An event about an agent rather than an interaction. */
export function defineAgentEvent<Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) {
  return z
    .object({ type: z.literal(type), seq: EventSeq, at: Instant, agentId: AgentId, ...shape })
    .meta({ id: schemaId(type) });
}
