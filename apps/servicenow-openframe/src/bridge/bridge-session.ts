import type { InteractionStoreState } from '@icc/client';
import type { Agent, AgentCommand, Interaction, SelectablePresence } from '@icc/protocol';

/** What the bridge needs from the gateway connection (see create-gateway-session.ts). */
export interface BridgeSession {
  getState(): InteractionStoreState;
  subscribe(listener: () => void): () => void;
  /** Resolves with the interaction after the command; rejects with the gateway's IccApiError. */
  sendCommand(command: AgentCommand): Promise<Interaction>;
  listAgents(): Promise<Agent[]>;
  setPresence(presence: SelectablePresence): Promise<unknown>;
}
