import { reduceInteraction, type AdapterSink, type Logger } from '@icc/core';
import { INTERACTION_STATE_TRAITS, isInteractionEvent, type IccEvent, type Interaction, type NewInteractionEvent, type WrapUpReason } from '@icc/protocol';
import { ICC_DATA_KEYS } from './genesys-callback-data';
import type { GenesysCallbackBook, GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysConversation } from './genesys-schemas';
import { mapGenesysConversation } from './genesys-map-conversation';
import { planIccEvents } from './genesys-plan-icc-events';
import { rankGenesysConversation } from './genesys-conversation-rank';

export interface ConversationSyncDeps {
  book: GenesysCallbackBook;
  sink: AdapterSink;
  logger: Logger;
  now(): number;
  agentOf(userId: string): string | undefined;
  userOf(agentId: string): string | undefined;
  wrapupCodes: Readonly<Record<WrapUpReason, string>>;
  readBack(conversationId: string): Promise<GenesysConversation>;
  /** False once the adapter stopped: nothing is emitted after `stop()`. */
  isRunning(): boolean;
  onClosed(record: GenesysCallbackRecord): void;
  /** A conversation of an ICC interaction whose create was abandoned (no record): closed at Genesys. */
  onOrphan(conversationId: string, interactionId: string): void;
}

export interface ConversationSyncStats {
  stale: number;
  duplicates: number;
  readBacks: number;
  unmatched: number;
  /** Conversations of abandoned creates, closed at Genesys. */
  orphans: number;
}

export interface ConversationSync {
  /**
   * Applies one conversation snapshot (run it on the adapter's serial queue). `fresh`: the snapshot
   * was just read back, so an equal-rank one is taken as it is instead of read back again.
   */
  apply(conversation: GenesysConversation, options?: { fresh?: boolean }): Promise<IccEvent[]>;
  /** Stores events about a record and folds them into its view. */
  store(record: GenesysCallbackRecord, events: readonly NewInteractionEvent[]): Promise<IccEvent[]>;
  stats(): ConversationSyncStats;
}

function iccInteractionIdOf(conversation: GenesysConversation): string | undefined {
  for (const participant of conversation.participants) {
    const interactionId = participant.attributes?.[ICC_DATA_KEYS.interactionId];
    if (interactionId !== undefined) return interactionId;
  }
  return undefined;
}

function fold(view: Interaction | undefined, events: readonly IccEvent[]): Interaction | undefined {
  let current = view;
  for (const event of events) if (isInteractionEvent(event)) current = reduceInteraction(current, event);
  return current;
}

/**
 * Turns conversation snapshots into ICC events for the callback they belong to: found by
 * conversation id, or by the ICC ids the adapter wrote into `data` (the snapshot may beat the
 * create response, and after a restart it is how conversations are found again). Stale and
 * duplicate snapshots are dropped by rank; an equal-rank snapshot with other call flags is read
 * back, because only the current conversation can say which flag came last.
 */
export function createConversationSync(deps: ConversationSyncDeps): ConversationSync {
  const stats: ConversationSyncStats = { stale: 0, duplicates: 0, readBacks: 0, unmatched: 0, orphans: 0 };

  const recordOf = (conversation: GenesysConversation): GenesysCallbackRecord | undefined => {
    const known = deps.book.byConversation(conversation.id);
    if (known) return known;
    const interactionId = iccInteractionIdOf(conversation);
    const record = interactionId === undefined ? undefined : deps.book.byInteraction(interactionId);
    // A record linked to another conversation already: this one is a second create of the same callback.
    if (!record || (record.conversationId !== undefined && record.conversationId !== conversation.id)) return undefined;
    deps.book.linkConversation(record, conversation.id);
    return record;
  };

  const store = async (record: GenesysCallbackRecord, events: readonly NewInteractionEvent[]): Promise<IccEvent[]> => {
    if (events.length === 0 || !deps.isRunning()) return [];
    const stored = await deps.sink.emit(events);
    record.view = fold(record.view, stored);
    if (record.view?.state === 'closed') deps.onClosed(record);
    return [...stored, ...(await completeTransfer(record))];
  };

  /** The receiver of a transferred callback accepted it: the sending interaction closes as transferred. */
  const completeTransfer = async (receiving: GenesysCallbackRecord): Promise<IccEvent[]> => {
    const view = receiving.view;
    const source = view?.transferredFrom === undefined ? undefined : deps.book.byInteraction(view.transferredFrom);
    if (!view || !INTERACTION_STATE_TRAITS[view.state].acceptedByAgent || source?.view?.state !== 'transferring') return [];
    const at = new Date(deps.now()).toISOString();
    const detail = `Accepted by ${view.agentId ?? 'the receiver'} as ${view.id}`;
    return store(source, [{ type: 'interaction.closed', interactionId: source.interactionId, callbackId: source.callbackId, at, outcome: 'transferred', by: 'agent', detail }]);
  };

  const apply = async (conversation: GenesysConversation, fresh: boolean): Promise<IccEvent[]> => {
    const record = recordOf(conversation);
    if (!record) {
      stats.unmatched += 1;
      const interactionId = iccInteractionIdOf(conversation);
      if (interactionId !== undefined && deps.book.claimOrphan(interactionId)) {
        stats.orphans += 1;
        deps.onOrphan(conversation.id, interactionId);
      }
      return [];
    }
    record.lastSnapshotAt = deps.now();
    if (!record.view) {
      if (!record.early || rankGenesysConversation(conversation).progress >= rankGenesysConversation(record.early).progress) {
        record.early = conversation;
      }
      return [];
    }
    const rank = rankGenesysConversation(conversation);
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
    const progress = mapGenesysConversation(conversation, record.view.agentId === undefined ? undefined : deps.userOf(record.view.agentId));
    record.progress = progress;
    if (record.cursor.offered < 0) {
      record.cursor = { offered: progress.offers.length, resolved: progress.offers.length - (record.view.state === 'offered' ? 1 : 0) };
    }
    const plan = planIccEvents(record.view, progress, {
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
    return store(record, plan.events);
  };

  return { apply: (conversation, options) => apply(conversation, options?.fresh ?? false), store, stats: () => ({ ...stats }) };
}
