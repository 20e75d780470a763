import type { IccRestClient } from '@icc/client';
import type { OidcSignIn } from './oidc-sign-in';
import type {
  AdapterCapabilities,
  Agent,
  AgentCommand,
  Interaction,
  QueueConfig,
  QueueStats,
  UpdateQueueRequest,
} from '@icc/protocol';

/** What the workspace renders: the client store's state in the shape the screens read. */
export interface WorkspaceState {
  /** The signed-in agent as the gateway last described it (presence included). */
  me: Agent;
  vendor: string | undefined;
  /** Filled by the stream's `welcome` frame; no control is enabled before it. */
  capabilities: AdapterCapabilities | undefined;
  interactions: readonly Interaction[];
  agents: readonly Agent[];
  queues: readonly QueueConfig[];
  queueStats: readonly QueueStats[];
}

/**
 * - `connecting`: first connection, nothing received yet.
 * - `online`: the stream is open and up to date.
 * - `reconnecting`: the socket dropped; the client retries and resumes from the last `seq`.
 * - `closed`: signed out or refused (e.g. the token expired).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

/** The REST calls the screens make directly; everything else arrives over the stream. */
export type WorkspaceRest = Pick<
  IccRestClient,
  | 'listCallbacks'
  | 'setPresence'
  | 'cancelCallback'
  | 'getInteraction'
  | 'getCallback'
  | 'createCallback'
  | 'listCallbackEvents'
  // Supervisor view
  | 'getQueueHistory'
  | 'listMissedOffers'
  | 'rescheduleCallback'
  // New callback and Reschedule offer the queue's free slots
  | 'listQueueSlots'
>;

/** The REST calls made before a session exists. */
export type SignInGateway = Pick<IccRestClient, 'signInConfig' | 'listDevAgents' | 'devSignIn' | 'me'>;

/** How this tab signed in: the session refreshes its token, and signs out, the same way. */
export type SignedInVia = { kind: 'dev' } | { kind: 'oidc'; oidc: OidcSignIn };

/** One signed-in agent's connection to the gateway: the only seam between screens and `@icc/client`. */
export interface WorkspaceSession {
  readonly rest: WorkspaceRest;
  getState(): WorkspaceState;
  subscribe(listener: () => void): () => void;
  getConnectionStatus(): ConnectionStatus;
  subscribeConnection(listener: () => void): () => void;
  /** Over the stream when it is open, else over REST; rejects with the gateway's error. */
  sendCommand(command: AgentCommand): Promise<Interaction>;
  /**
   * Supervisor: changes some of a queue's settings (`PATCH /v1/queues/:id`, If-Match `version`);
   * the new version is what the screens show from then on. Rejects with the gateway's error.
   */
  updateQueue(queueId: string, changes: UpdateQueueRequest, version: number): Promise<QueueConfig>;
  close(): void;
}
