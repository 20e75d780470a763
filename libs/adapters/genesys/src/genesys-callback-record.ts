import type { OfferCursor, TrackedWork } from '@icc/adapter-kit';
import type { GenesysCallbackProgress } from './genesys-callback-progress';
import type { GenesysQueueSettings } from './genesys-map-queue-settings';
import type { GenesysConversation } from './genesys-schemas';

/** A callback's Genesys conversation (`vendorRef`) and how far its snapshots were turned into ICC events. */
export interface GenesysCallbackRecord extends TrackedWork<GenesysConversation> {
  settings: GenesysQueueSettings;
  progress?: GenesysCallbackProgress;
  cursor: OfferCursor;
  agentDialPending: boolean;
  rescheduledBy?: 'agent' | 'api' | 'customer' | 'system';
}
