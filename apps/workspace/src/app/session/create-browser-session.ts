import {
  connectStore,
  createAgentStream,
  createIccRestClient,
  createInteractionStore,
  type AgentStreamStatus,
  type InteractionStoreState,
  type WebSocketConstructorLike,
} from '@icc/client';
import type { Agent, AgentCommand, UpdateQueueRequest } from '@icc/protocol';
import type { ConnectionStatus, SignInGateway, WorkspaceSession, WorkspaceState } from './workspace-session';

const CONNECTION_STATUS: Record<AgentStreamStatus, ConnectionStatus> = {
  connecting: 'connecting',
  open: 'online',
  reconnecting: 'reconnecting',
  closed: 'closed',
};

/** `ws(s)://<this origin>/v1/agent-stream`: the gateway (or Vite's dev proxy) serves both. */
export function agentStreamUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/v1/agent-stream`;
}

export function createSignInGateway(getToken: () => string | undefined): SignInGateway {
  return createIccRestClient({ baseUrl: window.location.origin, getToken });
}

export interface BrowserSessionOptions {
  getToken: () => string | undefined;
  /** A new token for the same agent, so the stream outlives the first one (see `AgentStreamOptions.refreshToken`). */
  refreshToken?: () => Promise<string | undefined>;
  /** Who signed in (from the token response or `GET /v1/me`), until `welcome` says more. */
  signedIn: Agent;
  /** Gateway origin; defaults to this page's. */
  origin?: string;
  streamUrl?: string;
  /** Test seams; default to the browser's. */
  WebSocket?: WebSocketConstructorLike;
  fetch?: typeof fetch;
}

/** The store's records as the lists the screens read; recomputed only when the store changes. */
function toWorkspaceState(state: InteractionStoreState, signedIn: Agent): WorkspaceState {
  return {
    me: state.me ?? state.agents[signedIn.id] ?? signedIn,
    vendor: state.vendor,
    capabilities: state.capabilities,
    interactions: Object.values(state.interactions),
    agents: Object.values(state.agents),
    queues: Object.values(state.queues),
    queueStats: Object.values(state.queueStats),
  };
}

/**
 * The real session: REST client, agent stream and interaction store from `@icc/client`, wired
 * together. Commands go over the stream while it is open and over REST otherwise, so a command
 * never waits for a reconnection; either answer is folded into the store.
 */
export function createBrowserSession(options: BrowserSessionOptions): WorkspaceSession {
  const { getToken, signedIn } = options;
  const rest = createIccRestClient({
    baseUrl: options.origin ?? window.location.origin,
    getToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const stream = createAgentStream({
    url: options.streamUrl ?? agentStreamUrl(),
    getToken,
    ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
    ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
  });
  const store = createInteractionStore();
  const disconnect = connectStore(stream, store);

  let storeState = store.getState();
  let workspaceState = toWorkspaceState(storeState, signedIn);
  function getState(): WorkspaceState {
    const current = store.getState();
    if (current !== storeState) {
      storeState = current;
      workspaceState = toWorkspaceState(current, signedIn);
    }
    return workspaceState;
  }

  async function sendCommand(command: AgentCommand) {
    const { interactionId, ...body } = command;
    const interaction =
      stream.status === 'open' ? await stream.sendCommand(command) : await rest.sendCommand(interactionId, body);
    store.upsertInteraction(interaction);
    return interaction;
  }

  async function updateQueue(queueId: string, changes: UpdateQueueRequest, version: number) {
    const queue = await rest.updateQueue(queueId, changes, version);
    store.upsertQueue(queue);
    return queue;
  }

  return {
    rest,
    getState,
    subscribe: store.subscribe,
    getConnectionStatus: () => CONNECTION_STATUS[stream.status],
    subscribeConnection: (listener) => stream.onStatus(() => listener()),
    sendCommand,
    updateQueue,
    close() {
      disconnect();
      stream.close();
      store.reset();
    },
  };
}
