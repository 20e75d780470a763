import { createSnapshotSync, type InteractionBook, type SnapshotSync, type TrackedWork, type WorkBook } from '@icc/adapter-kit';
import { decideTransferCompleted, type Logger } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type IccEvent, type NewIccEvent, type WrapUpReason } from '@icc/protocol';
import { ICC_DATA_KEYS } from './genesys-callback-data';
import type { GenesysCallbackProgress } from './genesys-callback-progress';
import { rankGenesysConversation } from './genesys-conversation-rank';
import type { GenesysQueueSettings } from './genesys-map-queue-settings';
import { mapGenesysConversation } from './genesys-map-conversation';
import { planIccEvents, type OfferCursor } from './genesys-plan-icc-events';
import type { GenesysConversation } from './genesys-schemas';

/** A callback's Genesys conversation (`vendorRef`) and how far its snapshots were turned into ICC events. */
export interface GenesysCallbackRecord extends TrackedWork<GenesysConversation> {
  settings: GenesysQueueSettings;
  progress?: GenesysCallbackProgress;
  cursor: OfferCursor;
  agentDialPending: boolean;
  rescheduledBy?: 'agent' | 'api' | 'customer' | 'system';
}

export interface ConversationSyncDeps {
  records: WorkBook<GenesysCallbackRecord>;
  interactions: Pick<InteractionBook, 'interaction'>;
  store(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
  logger: Logger;
  now(): number;
  agentOf(userId: string): string | undefined;
  userOf(agentId: string): string | undefined;
  wrapupCodes: Readonly<Record<WrapUpReason, string>>;
  readBack(conversationId: string): Promise<GenesysConversation>;
  onOrphan(conversationId: string, interactionId: string): void;
}

const interactionIdOf = (conversation: GenesysConversation) =>
  conversation.participants.map((participant) => participant.attributes?.[ICC_DATA_KEYS.interactionId]).find((id) => id !== undefined);

/** Conversation snapshots (notified or read back) as ICC events, through the kit's snapshot ordering. */
export function createConversationSync(deps: ConversationSyncDeps): SnapshotSync<GenesysConversation> {
  /** The receiver of a transferred callback took it: the sending interaction closes as transferred. */
  const transferCompleted = (interactionId: string | undefined): NewIccEvent[] => {
    const view = interactionId === undefined ? undefined : deps.interactions.interaction(interactionId);
    if (view?.transferredFrom === undefined || !INTERACTION_STATE_TRAITS[view.state].acceptedByAgent) return [];
    return [decideTransferCompleted(view, deps.interactions.interaction(view.transferredFrom), deps.now())].flatMap((event) => event ?? []);
  };
  return createSnapshotSync<GenesysConversation, GenesysCallbackRecord>({
    vendor: 'genesys',
    works: deps.records,
    interactions: deps.interactions,
    refOf: (conversation) => conversation.id,
    interactionIdOf,
    rank: rankGenesysConversation,
    readBack: deps.readBack,
    store: async (events) => {
      const stored = await deps.store(events);
      const first = events[0];
      return [...stored, ...(await deps.store(transferCompleted(first && 'interactionId' in first ? first.interactionId : undefined)))];
    },
    onOrphan: deps.onOrphan,
    logger: deps.logger,
    now: deps.now,
    plan(record, view, conversation) {
      const progress = mapGenesysConversation(conversation, view.agentId === undefined ? undefined : deps.userOf(view.agentId));
      record.progress = progress;
      // Restored after a restart: offers already in the conversation were planned by the previous run.
      if (record.cursor.offered < 0) record.cursor = { offered: progress.offers.length, resolved: progress.offers.length - (view.state === 'offered' ? 1 : 0) };
      const plan = planIccEvents(view, progress, {
        now: deps.now(),
        agentOf: deps.agentOf,
        cursor: record.cursor,
        agentDialPending: record.agentDialPending,
        retryDelaySeconds: record.settings.retryPolicy.minIntervalSeconds,
        maxAttempts: record.settings.retryPolicy.maxAttempts,
        wrapupCodes: deps.wrapupCodes,
        ...(record.rescheduledBy ? { rescheduledBy: record.rescheduledBy } : {}),
      });
      record.cursor = plan.cursor;
      if (plan.agentDialSeen) record.agentDialPending = false;
      if (plan.stuck !== undefined) {
        deps.logger.warn({ conversationId: conversation.id, interactionId: record.interactionId, reason: plan.stuck }, 'genesys: a conversation change has no ICC transition yet');
      }
      return plan.events;
    },
  });
}
