import type { AgentCommand, Callback, Interaction, MissedOffersPage, QueueHistory } from '@icc/protocol';
import type {
  ConnectionStatus,
  WorkspaceRest,
  WorkspaceSession,
  WorkspaceState,
} from '../app/session/workspace-session';
import { workspaceState } from './fixtures';

/** Answers a command the way the gateway would: the interaction after it, or a rejection. */
export type CommandResponder = (command: AgentCommand, state: WorkspaceState) => Promise<Interaction>;

export interface FakeSessionOptions {
  state?: Partial<WorkspaceState>;
  connection?: ConnectionStatus;
  callbacks?: Callback[];
  respond?: CommandResponder;
  /** Supervisor view: what `getQueueHistory` and `listMissedOffers` answer. */
  queueHistory?: QueueHistory;
  missedOffers?: MissedOffersPage;
}

/** An in-memory session for component tests: it records what the screens send. */
export interface FakeSession extends WorkspaceSession {
  readonly sentCommands: AgentCommand[];
  readonly presenceRequests: string[];
  readonly callbackQueries: unknown[];
  /** Supervisor view: callbacks rescheduled through REST, with their new start. */
  readonly reschedules: Array<{ id: string; start: string }>;
  update(patch: Partial<WorkspaceState>): void;
  setConnectionStatus(status: ConnectionStatus): void;
  respondWith(respond: CommandResponder): void;
}

/** A rejection shaped like `IccApiError`: what the gateway answers for a refused command. */
export function gatewayError(code: string, message: string, status = 409): Error & { status: number; code: string; body: { code: string; message: string } } {
  return Object.assign(new Error(message), { name: 'IccApiError', status, code, body: { code, message } });
}

const echoInteraction: CommandResponder = async (command, state) => {
  const interaction = state.interactions.find((candidate) => candidate.id === command.interactionId);
  if (!interaction) throw gatewayError('not_found', `Interaction ${command.interactionId} not found`, 404);
  return interaction;
};

export function createFakeSession(options: FakeSessionOptions = {}): FakeSession {
  let state = workspaceState(options.state);
  let connection: ConnectionStatus = options.connection ?? 'online';
  let respond = options.respond ?? echoInteraction;
  const listeners = new Set<() => void>();
  const connectionListeners = new Set<() => void>();
  const sentCommands: AgentCommand[] = [];
  const presenceRequests: string[] = [];
  const callbackQueries: unknown[] = [];
  const reschedules: Array<{ id: string; start: string }> = [];

  const rest: WorkspaceRest = {
    async listCallbacks(query) {
      callbackQueries.push(query);
      return { items: options.callbacks ?? [], nextCursor: null };
    },
    async setPresence(agentId, presence) {
      presenceRequests.push(presence);
      const me = { ...state.me, presence };
      update({ me, agents: state.agents.map((agent) => (agent.id === agentId ? me : agent)) });
      return me;
    },
    async cancelCallback(id) {
      const callback = options.callbacks?.find((candidate) => candidate.id === id);
      if (!callback) throw gatewayError('not_found', `Callback ${id} not found`, 404);
      return { ...callback, state: 'cancelled' };
    },
    async getInteraction(id) {
      const interaction = state.interactions.find((candidate) => candidate.id === id);
      if (!interaction) throw gatewayError('not_found', `Interaction ${id} not found`, 404);
      return interaction;
    },
    async getQueueHistory() {
      if (!options.queueHistory) throw gatewayError('forbidden', 'Only supervisors may see queue-history', 403);
      return options.queueHistory;
    },
    async listMissedOffers() {
      return options.missedOffers ?? { items: [], totals: { byAgent: [], byQueue: [] } };
    },
    async rescheduleCallback(id, body) {
      reschedules.push({ id, start: body.start });
      const callback = options.callbacks?.find((candidate) => candidate.id === id);
      if (!callback) throw gatewayError('not_found', `Callback ${id} not found`, 404);
      return callback;
    },
  };

  function update(patch: Partial<WorkspaceState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }

  return {
    rest,
    sentCommands,
    presenceRequests,
    callbackQueries,
    reschedules,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getConnectionStatus: () => connection,
    subscribeConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    async sendCommand(command) {
      sentCommands.push(command);
      return respond(command, state);
    },
    close() {
      connection = 'closed';
    },
    update,
    setConnectionStatus(status) {
      connection = status;
      for (const listener of connectionListeners) listener();
    },
    respondWith(next) {
      respond = next;
    },
  };
}
