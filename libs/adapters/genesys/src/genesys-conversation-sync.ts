import type { InteractionBook } from '@icc/adapter-kit';
import type { Logger } from '@icc/core';
import type { IccEvent, NewIccEvent, WrapUpReason } from '@icc/protocol';
import { ICC_DATA_KEYS } from './genesys-callback-data';
import type { GenesysCallbackBook, GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysConversation } from './genesys-schemas';
import { mapGenesysConversation } from './genesys-map-conversation';
import { planIccEvents } from './genesys-plan-icc-events';
import { rankGenesysConversation } from './genesys-conversation-rank';

export interface ConversationSyncDeps {
  records: GenesysCallbackBook;
  interactions: Pick<InteractionBook, 'interaction'>;
  store(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
  logger: Logger;
  now(): number;
  agentOf(userId: string): string | undefined;
  wrapupCodes: Readonly<Record<WrapUpReason, string>>;
  readBack(conversationId: string): Promise<GenesysConversation>;
  /** A conversation of an ICC interaction whose create was abandoned (no record): closed at Genesys. */
  onOrphan(conversationId: string, interactionId: string): void;
}

export interface ConversationSyncStats {
  stale: number;
  duplicates: number;
  readBacks: number;
  unmatched: number;
  orphans: number;
}

export interface ConversationSync {
  /** Applies one snapshot (on the serial queue); `fresh`: just read back, so an equal-rank one is taken as it is. */
  apply(conversation: GenesysConversation, options?: { fresh?: boolean }): Promise<IccEvent[]>;
  stats(): ConversationSyncStats;
}

function iccInteractionIdOf(conversation: GenesysConversation): string | undefined {
  for (const participant of conversation.participants) {
    const interactionId = participant.attributes?.[ICC_DATA_KEYS.interactionId];
    if (interactionId !== undefined) return interactionId;
  }
  return undefined;
}

/**
 * Turns conversation snapshots into ICC events for their callback: found by conversation id, or
 * by the ICC ids the adapter wrote into `data` (a snapshot may beat the create response; after a
 * restart it is how conversations are found again). Stale and duplicate snapshots are dropped by
 * rank; an equal-rank one with other call flags is read back: only Genesys knows which flag came last.
 */
export function createConversationSync(deps: ConversationSyncDeps): ConversationSync {
  const stats: ConversationSyncStats = { stale: 0, duplicates: 0, readBacks: 0, unmatched: 0, orphans: 0 };

  const recordOf = (conversation: GenesysConversation): GenesysCallbackRecord | undefined => {
    const known = deps.records.byConversation(conversation.id);
    if (known) return known;
    const interactionId = iccInteractionIdOf(conversation);
    const record = interactionId === undefined ? undefined : deps.records.byInteraction(interactionId);
    // A record linked to another conversation already: this one is a second create of the same callback.
    if (!record || (record.conversationId !== undefined && record.conversationId !== conversation.id)) return undefined;
    deps.records.linkConversation(record, conversation.id);
    return record;
  };

  const apply = async (conversation: GenesysConversation, fresh: boolean): Promise<IccEvent[]> => {
    const record = recordOf(conversation);
    if (!record) {
      stats.unmatched += 1;
      const interactionId = iccInteractionIdOf(conversation);
      if (interactionId !== undefined && deps.records.claimOrphan(interactionId)) {
        stats.orphans += 1;
        deps.onOrphan(conversation.id, interactionId);
      }
      return [];
    }
    record.lastSnapshotAt = deps.now();
    const rank = rankGenesysConversation(conversation);
    const view = deps.interactions.interaction(record.interactionId);
    if (!view) {
      if (!record.early || rank.progress >= rankGenesysConversation(record.early).progress) record.early = conversation;
      return [];
    }
    const last = record.rank;
    if (last && rank.progress < last.progress) {
      stats.stale += 1;
      return [];
    }
    if (last && rank.progress === last.progress) {
      if (rank.toggles === last.toggles) {
        stats.duplicates += 1;
        return [];
      }
      if (!fresh) {
        stats.readBacks += 1;
        try {
          return await apply(await deps.readBack(conversation.id), true);
        } catch (error) {
          deps.logger.warn({ err: error, conversationId: conversation.id }, 'genesys: could not read the conversation back; using the notification');
        }
      }
    }
    record.rank = rank;
    const progress = mapGenesysConversation(conversation);
    record.progress = progress;
    if (record.cursor.offered < 0) {
      record.cursor = { offered: progress.offers.length, resolved: progress.offers.length - (view.state === 'offered' ? 1 : 0) };
    }
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
    return deps.store(plan.events);
  };

  return { apply: (conversation, options) => apply(conversation, options?.fresh ?? false), stats: () => ({ ...stats }) };
}
