import type { AdapterCapabilities, Agent, Interaction, QueueConfig, QueueStats } from '@icc/protocol';

/** What the workspace renders, folded from stream frames. Frozen; replaced whole on every change. */
export interface InteractionStoreState {
  /** By interaction id; closed interactions stay until the next snapshot. */
  readonly interactions: Readonly<Record<string, Interaction>>;
  /** By agent id. */
  readonly agents: Readonly<Record<string, Agent>>;
  /** By queue id. */
  readonly queues: Readonly<Record<string, QueueConfig>>;
  /** By queue id. */
  readonly queueStats: Readonly<Record<string, QueueStats>>;
  readonly vendor: string | undefined;
  readonly capabilities: AdapterCapabilities | undefined;
  /** The signed-in agent (from `welcome`, kept current by presence events). */
  readonly me: Agent | undefined;
  /** Highest event `seq` folded in. */
  readonly lastSeq: number;
}

export const EMPTY_INTERACTION_STORE_STATE: InteractionStoreState = Object.freeze({
  interactions: Object.freeze({}),
  agents: Object.freeze({}),
  queues: Object.freeze({}),
  queueStats: Object.freeze({}),
  vendor: undefined,
  capabilities: undefined,
  me: undefined,
  lastSeq: 0,
});
