import type {
  AdapterCapabilities,
  Agent,
  AgentCommand,
  Callback,
  CreateCallbackRequest,
  DialFailure,
  Interaction,
  NewIccEvent,
  QueueConfig,
  RescheduleCallbackRequest,
  SelectablePresence,
  UpdateCallbackRequest,
} from '@icc/protocol';
import type { CallbackActor, NewCallbackIdentity } from '@icc/core';

/** What the (simulated) telephone network reports about a call the engine placed. */
export type TelephonyOutcome = 'answered' | DialFailure | 'customer-hangup';

export interface CallbackEngineOptions {
  vendor: string;
  capabilities: AdapterCapabilities;
  /** The current version of each queue at start. */
  queues: readonly QueueConfig[];
  /** An earlier version of a queue, for interactions restored after a restart that started with it. */
  queueVersion?: (queueId: string, version: number) => QueueConfig | undefined;
  agents: readonly Agent[];
  /** Id for interactions the engine creates itself (the receiving side of a transfer). */
  newInteractionId?: () => string;
  /**
   * How many of its latest closings the engine remembers after it forgets the closed
   * interactions, so late commands on them are refused as before (`invalid_transition`,
   * `forbidden`) rather than `not_found`. Default 1 000.
   */
  closedRecordLimit?: number;
  /**
   * The durable callback read model (the adapter context's `getCallback`): recognises callbacks
   * closed longer ago than those remembered, so idempotency and refusals hold for good.
   */
  storedCallback?: (callbackId: string) => Callback | undefined;
  /**
   * After this many offers in a row an agent let time out, the engine sets the agent
   * `not-responding` (no more offers until they choose a presence again). Absent: never.
   */
  missedOffersBeforeNotResponding?: number;
}

/**
 * Entries held per structure. Everything but `rememberedClosed` is bounded by the open
 * interactions, agents and queues; `rememberedClosed` by `closedRecordLimit`.
 */
export interface EngineFootprint {
  interactions: number;
  callbacks: number;
  waiting: number;
  customerOnLine: number;
  directedTo: number;
  timers: number;
  /** Interactions and consults held, over all agents. */
  holds: number;
  holderOf: number;
  declinedAt: number;
  idleSince: number;
  /** Earlier queue configuration versions kept for open interactions that started with them. */
  queueVersions: number;
  rememberedClosed: { interactions: number; callbacks: number };
}

/**
 * The reference "CCaaS brain": routing, offers, dialing, retries, timers. Driven only by
 * requests, agent commands, telephony outcomes and clock ticks; every method returns the ICC
 * events it caused (already folded into its own state) and never does I/O.
 */
export interface CallbackEngine {
  requestCallback(request: CreateCallbackRequest, identity: NewCallbackIdentity, now: number): NewIccEvent[];
  updateCallback(callbackId: string, changes: UpdateCallbackRequest, now: number): NewIccEvent[];
  cancelCallback(callbackId: string, actor: CallbackActor, reason: string | undefined, now: number): NewIccEvent[];
  reschedule(callbackId: string, request: RescheduleCallbackRequest, actor: CallbackActor, now: number): NewIccEvent[];
  setPresence(agentId: string, presence: SelectablePresence, now: number): NewIccEvent[];
  execute(agentId: string, command: AgentCommand, now: number): NewIccEvent[];
  telephony(interactionId: string, outcome: TelephonyOutcome, now: number): NewIccEvent[];
  /** Fires every timer due at `now` (offers, auto-dial, auto-close, retries, starts, expiry) and routes. */
  tick(now: number): NewIccEvent[];
  /** Earliest instant (epoch ms) at which `tick` has work to do. */
  nextWakeAt(): number | undefined;
  /**
   * A queue was created or got a new version: callbacks created from now on, and routing, use it;
   * open interactions keep the version they started with. Returns the events routing caused.
   */
  applyQueueConfig(queue: QueueConfig, now: number): NewIccEvent[];
  /** A queue was removed: no new callback may name it. */
  removeQueue(queueId: string, now: number): NewIccEvent[];
  /** Resume from persisted views after a restart; returns the events that reconcile lost calls. */
  restore(openInteractions: readonly Interaction[], getCallback: (id: string) => Callback | undefined, now: number): NewIccEvent[];
  /**
   * Open interactions only: one that closes is forgotten once the call that closed it returns
   * (the event store keeps it). Same for a callback once the interaction carrying it closes.
   */
  interaction(interactionId: string): Interaction | undefined;
  callback(callbackId: string): Callback | undefined;
  agent(agentId: string): Agent | undefined;
  queuePosition(callbackId: string, now: number): { position: number | null; estimatedWaitSeconds: number | null };
  /** What the engine holds, to check and watch that it does not grow with the callbacks it closed. */
  footprint(): EngineFootprint;
}
