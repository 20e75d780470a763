import type { GenesysCallbackProgress } from './genesys-callback-progress';
import type { GenesysConversationRank } from './genesys-conversation-rank';
import type { GenesysConversation } from './genesys-schemas';
import type { GenesysQueueSettings } from './genesys-map-queue-settings';
import type { OfferCursor } from './genesys-plan-icc-events';

/** Where a callback's Genesys conversation is and how far its snapshots were applied (its ICC view is in the interaction book). */
export interface GenesysCallbackRecord {
  callbackId: string;
  interactionId: string;
  number: string;
  conversationId?: string;
  settings: GenesysQueueSettings;
  /** The newest snapshot that arrived before `interaction.created` was stored. */
  early?: GenesysConversation;
  rank?: GenesysConversationRank;
  lastSnapshotAt?: number;
  progress?: GenesysCallbackProgress;
  cursor: OfferCursor;
  agentDialPending: boolean;
  rescheduledBy?: 'agent' | 'api' | 'customer' | 'system';
}

export interface GenesysCallbackBook {
  add(record: GenesysCallbackRecord): void;
  remove(interactionId: string): void;
  linkConversation(record: GenesysCallbackRecord, conversationId: string): void;
  byCallback(callbackId: string): GenesysCallbackRecord | undefined;
  byInteraction(interactionId: string): GenesysCallbackRecord | undefined;
  byConversation(conversationId: string): GenesysCallbackRecord | undefined;
  all(): GenesysCallbackRecord[];
  /** A create that may have reached Genesys without an answer: its conversation, if any, is an orphan. */
  abandon(interactionId: string): void;
  /** True once per abandoned interaction: the caller closes the orphan conversation. */
  claimOrphan(interactionId: string): boolean;
}

const ABANDONED_LIMIT = 10_000;

export function createGenesysCallbackBook(): GenesysCallbackBook {
  const callbacks = new Map<string, GenesysCallbackRecord>();
  const interactions = new Map<string, GenesysCallbackRecord>();
  const conversations = new Map<string, GenesysCallbackRecord>();
  const abandoned = new Set<string>();
  return {
    add(record) {
      callbacks.set(record.callbackId, record);
      interactions.set(record.interactionId, record);
      if (record.conversationId !== undefined) conversations.set(record.conversationId, record);
    },
    remove(interactionId) {
      const record = interactions.get(interactionId);
      if (!record) return;
      callbacks.delete(record.callbackId);
      interactions.delete(interactionId);
      if (record.conversationId !== undefined) conversations.delete(record.conversationId);
    },
    linkConversation(record, conversationId) {
      record.conversationId = conversationId;
      conversations.set(conversationId, record);
    },
    byCallback: (callbackId) => callbacks.get(callbackId),
    byInteraction: (interactionId) => interactions.get(interactionId),
    byConversation: (conversationId) => conversations.get(conversationId),
    all: () => [...callbacks.values()],
    abandon(interactionId) {
      abandoned.add(interactionId);
      if (abandoned.size > ABANDONED_LIMIT) abandoned.delete(abandoned.values().next().value as string);
    },
    claimOrphan: (interactionId) => abandoned.delete(interactionId),
  };
}
