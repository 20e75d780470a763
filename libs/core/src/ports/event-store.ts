import type {
  Agent,
  Callback,
  CallbackPage,
  IccEvent,
  Interaction,
  ListCallbacksQuery,
  ListInteractionsQuery,
  MissedOffersPage,
  NewIccEvent,
  QueueConfig,
  QueueConfigRevision,
  QueueStats,
} from '@icc/protocol';
import type { MissedOffersFilter } from './missed-offers';
import type { ScheduledStart } from './open-callbacks';
import type { QueueConfigChange } from './queue-config-versions';
import type { WebhookSubscriptionStore } from './webhook-subscriptions';

/** What an agent is, before presence: configured, not derived from events. */
export type AgentDefinition = Omit<Agent, 'presence' | 'availableSince' | 'presenceSince' | 'chosenPresence'>;

/** A vendor webhook delivery the gateway processed: a replay of its id is refused until `expiresAtMs` (epoch ms). */
export interface WebhookDeliveryRecord {
  vendor: string;
  deliveryId: string;
  expiresAtMs: number;
}

/**
 * The durable log and the read models kept in step with it.
 *
 * `append` resolves only once the events are durable (fsync'd); the read models reflect an
 * append as soon as it resolves. Appends are totally ordered: `seq` values are gap-free and
 * strictly increasing in the order the batches were given.
 */
export interface EventStore {
  append(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
  headSeq(): number;
  /** Events with `seq > afterSeq`, oldest first, at most `limit`. */
  readAfter(afterSeq: number, limit: number): IccEvent[];
  /** Every event of one interaction, oldest first. */
  readInteraction(interactionId: string): IccEvent[];

  getInteraction(interactionId: string): Interaction | undefined;
  listInteractions(query: ListInteractionsQuery): Interaction[];
  /** Interactions not yet `closed`: what the engine reloads after a restart. */
  openInteractions(): Interaction[];

  /** By id or human number (`CB0000123`). */
  getCallback(idOrNumber: string): Callback | undefined;
  findCallbackByIdempotencyKey(key: string): { callback: Callback; requestHash: string } | undefined;
  listCallbacks(query: ListCallbacksQuery): CallbackPage;
  /**
   * Open callbacks of the queue (`isOpenCallback`) with one of `phoneNumbers`, numbers compared as
   * `comparableNumber` gives them (E.164 however they were written); oldest request first. Read from
   * an index kept at append time: the cost does not grow with the queue's open callbacks.
   */
  openCallbacksWithNumbers(queueId: string, phoneNumbers: readonly string[]): Callback[];
  /** The start of every open scheduled callback of the queue, earliest first (then by callback id). */
  scheduledStartsOfQueue(queueId: string): ScheduledStart[];
  /** Reserves the next human callback number; never hands out the same one twice. */
  nextCallbackNumber(): Promise<number>;

  /** Per-queue figures for supervisors, computed from the read models at `now` (epoch ms). */
  queueStats(now: number): QueueStats[];
  /** Offers agents let time out or rejected (a read model of `interaction.offer-declined`), newest first. */
  missedOffers(filter: MissedOffersFilter): MissedOffersPage;

  /**
   * Stores a new version of the queue (1 when new, else the latest + 1) and resolves, once durable,
   * with it as stored (`version` set). Every version is kept: a callback keeps the one it started with.
   * Refusals (nothing stored): see `nextQueueVersion` (`already_exists`, `not_found`, `version_conflict`).
   */
  saveQueue(queue: QueueConfig, change?: QueueConfigChange): Promise<QueueConfig>;
  /** Removes the queue from `listQueues` with a new version marked removed (resolves with it); its versions stay readable. */
  removeQueue(queueId: string, change: QueueConfigChange & { expectedVersion: number }): Promise<QueueConfigRevision>;
  /** The current version of every queue not removed, in id order. */
  listQueues(): QueueConfig[];
  /** The current version of a queue not removed; with `version`, that version (of a removed queue too). */
  getQueue(queueId: string, version?: number): QueueConfig | undefined;
  /** Every version of one queue, oldest first, with who made it and when. */
  listQueueRevisions(queueId: string): QueueConfigRevision[];
  saveAgent(agent: AgentDefinition): Promise<void>;
  /** Agents with their presence as projected from `agent.presence-changed` events. */
  listAgents(): Agent[];
  /** One configured agent with its presence, as `listAgents` would show it; no scan of the others. */
  getAgent(agentId: string): Agent | undefined;

  /** Whether `vendor`'s delivery `deliveryId` was recorded and has not expired at `nowMs`. */
  hasWebhookDelivery(vendor: string, deliveryId: string, nowMs: number): boolean;
  /**
   * Records a processed delivery (again: a new expiry); resolves once it is durable. Also forgets
   * a few deliveries expired at `nowMs`, so the record holds about one replay window.
   */
  recordWebhookDelivery(delivery: WebhookDeliveryRecord, nowMs: number): Promise<void>;

  /** Outgoing webhook subscriptions and their durable outbox (docs/webhooks-out.md). */
  readonly webhookSubscriptions: WebhookSubscriptionStore;

  close(): Promise<void>;
}
