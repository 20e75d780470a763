import type { AgentCommand } from '@icc/protocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Body of `POST /v1/interactions/:id/commands`: an `AgentCommand` without its `interactionId`. */
export type InteractionCommand = DistributiveOmit<AgentCommand, 'interactionId'>;
