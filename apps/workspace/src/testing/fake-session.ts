import { CreateCallbackRequest, UpdateQueueRequest, type QueueConfig, type AgentCommand, type Callback, type IccEvent, type Interaction, type MissedOffersPage, type QueueHistory, type QueueSlot } from '@icc/protocol';
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
  /** Answer to `listCallbacks({ view: 'upcoming' })` (My callbacks → Scheduled). */
  upcoming?: Callback[];
  /** Timeline answered for every callback (`listCallbackEvents`). */
  events?: IccEvent[];
  respond?: CommandResponder;
  /** Supervisor view: what `getQueueHistory` and `listMissedOffers` answer. */
  queueHistory?: QueueHistory;
  missedOffers?: MissedOffersPage;
  /** Free slots `listQueueSlots` answers (the asked queue and range are recorded in `slotQueries`). */
  slots?: QueueSlot[];
}

/** An in-memory session for component tests: it records what the screens send. */
export interface FakeSession extends WorkspaceSession {
  readonly sentCommands: AgentCommand[];
  readonly presenceRequests: string[];
  readonly callbackQueries: unknown[];
  /** Bodies of `createCallback`, as sent. */
  readonly createdCallbacks: unknown[];
  /** Supervisor view: callbacks rescheduled through REST, with their new start. */
  readonly reschedules: Array<{ id: string; start: string }>;
  readonly slotQueries: string[];
  /** Supervisor: queue changes sent (`updateQueue`), as sent. */
  readonly queueUpdates: Array<{ queueId: string; changes: unknown; version: number }>;
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
  const createdCallbacks: unknown[] = [];
  const reschedules: Array<{ id: string; start: string }> = [];
  const slotQueries: string[] = [];
  const queueUpdates: Array<{ queueId: string; changes: unknown; version: number }> = [];

  const rest: WorkspaceRest = {
    async listCallbacks(query) {
      callbackQueries.push(query);
      if (query?.view === 'upcoming') return { items: options.upcoming ?? [], nextCursor: null };
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
    async getCallback(idOrNumber) {
      const callback = options.callbacks?.find((candidate) => candidate.id === idOrNumber || candidate.number === idOrNumber);
      if (!callback) throw gatewayError('not_found', `Callback ${idOrNumber} not found`, 404);
      return callback;
    },
    async createCallback(body) {
      createdCallbacks.push(body);
      const request = CreateCallbackRequest.parse(body);
      const callback: Callback = {
        ...request,
        id: `cb-created-${createdCallbacks.length}`,
        number: `CB${String(9000000 + createdCallbacks.length)}`,
        mode: request.mode ?? 'agent-first',
        retryPolicy: request.retryPolicy ?? { maxAttempts: 3, minIntervalSeconds: 300 },
        requestedAt: new Date().toISOString(),
        state: 'pending',
        interactionId: `ix-created-${createdCallbacks.length}`,
        attempts: 0,
      };
      return { callback, replayed: false };
    },
    async listCallbackEvents() {
      return options.events ?? [];
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
    async listQueueSlots(queueId, query) {
      slotQueries.push(queueId);
      return { queueId, timeZone: query.timeZone ?? 'UTC', settings: { minutes: 5, capacity: 100, perHourCap: 1000 }, items: options.slots ?? [] };
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
    createdCallbacks,
    reschedules,
    slotQueries,
    queueUpdates,
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
    /** As the gateway: 412 on a stale version, 400 with the zod issues on bad settings, else the next version. */
    async updateQueue(queueId, changes, version) {
      queueUpdates.push({ queueId, changes, version });
      const queue = state.queues.find((candidate) => candidate.id === queueId);
      if (!queue) throw gatewayError('not_found', `Queue ${queueId} does not exist`, 404);
      if (queue.version !== version) throw gatewayError('version_conflict', `Queue ${queueId} is at version ${queue.version}`, 412);
      const parsed = UpdateQueueRequest.safeParse(changes);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code }));
        throw Object.assign(gatewayError('validation_failed', 'Invalid queue settings', 400), { body: { code: 'validation_failed', message: 'Invalid queue settings', issues } });
      }
      const saved = { ...queue, ...parsed.data, version: version + 1 } as QueueConfig;
      update({ queues: state.queues.map((candidate) => (candidate.id === queueId ? saved : candidate)) });
      return saved;
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
