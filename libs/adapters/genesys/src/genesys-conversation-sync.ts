import { planProgressEvents, type InteractionBook, type SnapshotRuntimeOptions } from '@icc/adapter-kit';
import { decideTransferCompleted, type Logger } from '@icc/core';
import { INTERACTION_STATE_TRAITS, isInteractionEvent, type IccEvent, type NewIccEvent, type WrapUpReason } from '@icc/protocol';
import { ICC_DATA_KEYS } from './genesys-callback-data';
import { rankGenesysConversation } from './genesys-conversation-rank';
import { mapGenesysConversation } from './genesys-map-conversation';
import { mapGenesysWrapup } from './genesys-wrapup';
import type { GenesysConversation } from './genesys-schemas';
import type { GenesysCallbackRecord } from './genesys-callback-record';

export interface ConversationSyncDeps {
  logger: Logger;
  now(): number;
  agentOf(userId: string): string | undefined;
  userOf(agentId: string): string | undefined;
  wrapupCodes: Readonly<Record<WrapUpReason, string>>;
}

/** How conversation snapshots become ICC events (the kit's snapshot runtime does the ordering). */
export function genesysConversationSync(deps: ConversationSyncDeps): Pick<SnapshotRuntimeOptions<GenesysConversation, GenesysCallbackRecord>, 'refOf' | 'interactionIdOf' | 'rank' | 'plan' | 'followUp'> {
  return {
    refOf: (conversation) => conversation.id,
    interactionIdOf: (conversation) => conversation.participants.map((participant) => participant.attributes?.[ICC_DATA_KEYS.interactionId]).find((id) => id !== undefined),
    rank: rankGenesysConversation,
    plan(record, view, conversation) {
      const progress = mapGenesysConversation(conversation, view.agentId === undefined ? undefined : deps.userOf(view.agentId));
      record.progress = progress;
      // Restored after a restart: offers already in the conversation were planned by the previous run.
      if (record.cursor.offered < 0) record.cursor = { offered: progress.offers.length, resolved: progress.offers.length - (view.state === 'offered' ? 1 : 0) };
      const plan = planProgressEvents(view, progress, {
        vendor: 'Genesys',
        now: deps.now(),
        agentOf: deps.agentOf,
        cursor: record.cursor,
        agentDialPending: record.agentDialPending,
        rescheduledBy: record.rescheduledBy,
        retryPolicy: record.settings.retryPolicy,
        wrapUpOf: (wrapup) => mapGenesysWrapup(wrapup, deps.wrapupCodes),
      });
      record.cursor = plan.cursor;
      if (plan.agentDialSeen) record.agentDialPending = false;
      if (plan.stuck !== undefined) {
        deps.logger.warn({ conversationId: conversation.id, interactionId: record.interactionId, reason: plan.stuck }, 'genesys: a conversation change has no ICC transition yet');
      }
      return plan.events;
    },
    /** The receiver of a transferred callback took it: the sending interaction closes as transferred. */
    followUp(stored: readonly IccEvent[], interactions: InteractionBook): NewIccEvent[] {
      const first = stored.find(isInteractionEvent);
      const view = first && interactions.interaction(first.interactionId);
      if (view?.transferredFrom === undefined || !INTERACTION_STATE_TRAITS[view.state].acceptedByAgent) return [];
      return [decideTransferCompleted(view, interactions.interaction(view.transferredFrom), deps.now())].flatMap((event) => event ?? []);
    },
  };
}
