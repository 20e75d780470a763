import type {
  AdapterCapabilities,
  Agent,
  AgentCommand,
  Callback,
  CreateCallbackRequest,
  IccEvent,
  Interaction,
  NewIccEvent,
  QueueConfig,
  RescheduleCallbackRequest,
  SelectablePresence,
  UpdateCallbackRequest,
} from '@icc/protocol';
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { VendorQueueSettings } from './vendor-queue-settings';

/** Where an adapter delivers normalized ICC events. Resolves once they are durable. */
export interface AdapterSink {
  emit(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
}

/** What the composition root hands an adapter when it starts. */
export interface AdapterContext {
  sink: AdapterSink;
  clock: Clock;
  logger: Logger;
  /** The current version of every queue at start (see `applyQueueConfig` for later changes). */
  queues: readonly QueueConfig[];
  /**
   * Any stored version of a queue, removed queues included: an interaction restored after a restart
   * works by the version it started with (`Interaction.queueConfigVersion`), not the current one.
   */
  queueVersion?(queueId: string, version: number): QueueConfig | undefined;
  agents: readonly Agent[];
  /** Open interactions and their callbacks as last persisted: the adapter resumes from these. */
  openInteractions: readonly Interaction[];
  /** A callback as last persisted, closed ones included, by its id (never by its human number). */
  getCallback(callbackId: string): Callback | undefined;
}

/** Identifiers the gateway assigns before the adapter sees a request. */
export interface NewCallbackIdentity {
  callbackId: string;
  interactionId: string;
  number: string;
  idempotencyKey?: string;
  requestHash?: string;
}

/** An HTTP request from a push vendor, as received (raw body kept for signature checks). */
export interface VendorWebhookRequest {
  headers: Record<string, string | undefined>;
  rawBody: string;
}

export type CallbackActor = 'api' | 'agent' | 'customer';

/** The adapter contract version this file describes: the gateway refuses an adapter that declares another. */
export const ADAPTER_SPECIFICATION_VERSION = 'v1';

/**
 * Version 1 of the adapter contract: the one thing a vendor integration implements.
 * Every method that changes something resolves with the events it caused, once durable.
 */
export interface CcaasAdapterV1 {
  /** The contract version the adapter implements; checked when the gateway registers it. */
  readonly specificationVersion: typeof ADAPTER_SPECIFICATION_VERSION;
  readonly vendor: string;
  readonly capabilities: AdapterCapabilities;
  /** Schedules every wait on `context.clock` (never its own timers), so tests drive it with a fake clock. */
  start(context: AdapterContext): Promise<void>;
  /** Cancels every timer it set and closes every socket; calling it again does nothing. */
  stop(): Promise<void>;
  /**
   * Idempotent by `identity.callbackId`: a callbackId the adapter already knows never creates a
   * second callback at the vendor. Same callbackId and number again (a retried request): nothing
   * new happens and it resolves with `[]`. Same callbackId with another number: rejects with
   * `IccError` `idempotency_conflict` and emits nothing. Vendors that deduplicate on a client
   * token (Amazon Connect `ClientToken`) get the callbackId as that token.
   * Vendor failures reject with `AdapterError` (`retryable`, vendor status and code).
   */
  requestCallback(request: CreateCallbackRequest, identity: NewCallbackIdentity): Promise<IccEvent[]>;
  updateCallback(callbackId: string, changes: UpdateCallbackRequest): Promise<IccEvent[]>;
  cancelCallback(callbackId: string, actor: CallbackActor, reason?: string): Promise<IccEvent[]>;
  reschedule(callbackId: string, request: RescheduleCallbackRequest, actor: CallbackActor): Promise<IccEvent[]>;
  setPresence(agentId: string, presence: SelectablePresence): Promise<IccEvent[]>;
  execute(agentId: string, command: AgentCommand): Promise<IccEvent[]>;
  /**
   * Push vendors: verify and translate a webhook delivery; resolves with the events it caused.
   * Duplicated or out-of-order deliveries are applied once, in order; a payload that does not
   * parse, or an unknown event type, is logged (warn) and skipped, never a crash.
   */
  ingest?(request: VendorWebhookRequest): Promise<IccEvent[]>;
  /**
   * A queue was created or got a new version (supervisors change queues through the gateway's
   * queue API; the store holds every version). Callbacks created from now on use it; open ones keep
   * the version they started with. An adapter without it sees queue changes at its next start.
   * Vendor-side settings of the queue (a Genesys queue's media settings) are the vendor's: the
   * adapter maps what ICC configures and never writes ICC's configuration back.
   */
  applyQueueConfig?(queue: QueueConfig): Promise<IccEvent[]>;
  /** A queue was removed (it had nothing open): no new callback may name it. */
  removeQueue?(queueId: string): Promise<IccEvent[]>;
  /**
   * Estimated wait for a queued callback, when the vendor can tell. Undefined when this gateway
   * cannot answer now (in a cluster, one that does not run the ACD): the gateway counts from the store.
   */
  queuePosition?(callbackId: string): { position: number | null; estimatedWaitSeconds: number | null } | undefined;
  /**
   * Optional: the settings the vendor holds for a queue (undefined for a queue it does not know, or
   * before `start`). The gateway shows the queue with them (`withVendorQueueSettings`).
   */
  queueSettings?(queueId: string): VendorQueueSettings | undefined;
}

export type CcaasAdapter = CcaasAdapterV1;
