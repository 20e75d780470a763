import {
  AdapterCapabilities,
  Agent,
  Callback,
  CallbackEventList,
  CallbackPage,
  Interaction,
  InteractionList,
  MissedOffersPage,
  QueueConfig,
  QueueHistory,
  QueueConfigRevision,
  QueuePosition,
  QueueSlotList,
  QueueStats,
  SignInConfig,
  TokenResponse,
  type AgentId,
  type CancelCallbackRequest,
  type IccEvent,
  type CreateCallbackRequestInput,
  type CreateQueueRequestInput,
  type ReplaceQueueRequest,
  type UpdateQueueRequest,
  type ListCallbacksQuery,
  type ListInteractionsQuery,
  type MissedOffersQuery,
  type QueueHistoryQuery,
  type QueueSlotsQuery,
  type RescheduleCallbackRequest,
  type SelectablePresence,
  type UpdateCallbackRequest,
} from '@icc/protocol';
import { z } from 'zod';
import type { InteractionCommand } from './interaction-command';
import { requestJson, type JsonRequest } from './request-json';

export interface IccRestClientOptions {
  /** Gateway origin, with or without a path prefix: `http://localhost:3000` (the client adds `/v1/...`). */
  baseUrl: string;
  /** Agent JWT sent as `Authorization: Bearer`; read on every call so sign-in/out needs no new client. */
  getToken?: () => string | undefined;
  /** Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** `GET /v1/vendor`. */
export const VendorDescription = z.object({ vendor: z.string(), capabilities: AdapterCapabilities });
export type VendorDescription = z.infer<typeof VendorDescription>;

export interface CreatedCallback {
  callback: Callback;
  /** `true` when the gateway answered 200: the same `Idempotency-Key` and body were seen before. */
  replayed: boolean;
}

export type ListCallbacksQueryInput = z.input<typeof ListCallbacksQuery>;
export type ListInteractionsQueryInput = z.input<typeof ListInteractionsQuery>;
export type QueueHistoryQueryInput = z.input<typeof QueueHistoryQuery>;
export type MissedOffersQueryInput = z.input<typeof MissedOffersQuery>;

/** One method per endpoint of docs/api.md; every method rejects with `IccApiError`. */
export interface IccRestClient {
  /** `GET /v1/auth/config`: the sign-in this deployment offers (public). */
  signInConfig(): Promise<SignInConfig>;
  listDevAgents(): Promise<Agent[]>;
  devSignIn(agentId: AgentId): Promise<TokenResponse>;
  me(): Promise<Agent>;
  createCallback(body: CreateCallbackRequestInput, options?: { idempotencyKey?: string }): Promise<CreatedCallback>;
  getCallback(idOrNumber: string): Promise<Callback>;
  listCallbacks(query?: ListCallbacksQueryInput): Promise<CallbackPage>;
  /** The callback's timeline: every event of every interaction it went through, oldest first. */
  listCallbackEvents(idOrNumber: string): Promise<IccEvent[]>;
  updateCallback(id: string, body: UpdateCallbackRequest): Promise<Callback>;
  cancelCallback(id: string, body?: CancelCallbackRequest): Promise<Callback>;
  rescheduleCallback(id: string, body: RescheduleCallbackRequest): Promise<Callback>;
  getQueuePosition(id: string): Promise<QueuePosition>;
  listQueues(): Promise<QueueConfig[]>;
  getQueue(queueId: string): Promise<QueueConfig>;
  /** Every version of a queue, oldest first; `getQueueVersion` reads one (the one a callback recorded). */
  listQueueRevisions(queueId: string): Promise<QueueConfigRevision[]>;
  getQueueVersion(queueId: string, version: number): Promise<QueueConfig>;
  /** Bookable starts for scheduled callbacks, with the seats left in each. */
  listQueueSlots(queueId: string, query: QueueSlotsQuery): Promise<QueueSlotList>;
  /** Supervisors. The writes below send `version` as If-Match: a stale one rejects with 412 `version_conflict`. */
  createQueue(body: CreateQueueRequestInput): Promise<QueueConfig>;
  replaceQueue(queueId: string, body: ReplaceQueueRequest, version: number): Promise<QueueConfig>;
  updateQueue(queueId: string, changes: UpdateQueueRequest, version: number): Promise<QueueConfig>;
  /** Resolves with the version that removed it. */
  removeQueue(queueId: string, version: number): Promise<QueueConfigRevision>;
  getQueueStats(): Promise<QueueStats[]>;
  /** Supervisors: each queue's last minutes in buckets. */
  getQueueHistory(query?: QueueHistoryQueryInput): Promise<QueueHistory>;
  /** Supervisors: offers agents let time out or rejected. */
  listMissedOffers(query?: MissedOffersQueryInput): Promise<MissedOffersPage>;
  listAgents(): Promise<Agent[]>;
  setPresence(agentId: AgentId, presence: SelectablePresence): Promise<Agent>;
  getVendor(): Promise<VendorDescription>;
  listInteractions(query?: ListInteractionsQueryInput): Promise<Interaction[]>;
  getInteraction(id: string): Promise<Interaction>;
  sendCommand(interactionId: string, command: InteractionCommand): Promise<Interaction>;
}

type HttpMethod = JsonRequest<z.ZodType>['method'];

interface RequestExtra {
  body?: unknown;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const itemsOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item) });

export function createIccRestClient(options: IccRestClientOptions): IccRestClient {
  // Late-bound so a fetch patched after construction (msw, polyfills) is still used.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '');

  function call<Schema extends z.ZodType>(method: HttpMethod, path: string, responseSchema: Schema, extra: RequestExtra = {}) {
    const headers: Record<string, string> = { ...extra.headers };
    const token = options.getToken?.();
    if (token) headers['authorization'] = `Bearer ${token}`;
    const url = `${base}/v1${path}${toQueryString(extra.query)}`;
    return requestJson(fetchImpl, { method, url, headers, body: extra.body, responseSchema });
  }

  async function value<Schema extends z.ZodType>(
    method: HttpMethod,
    path: string,
    responseSchema: Schema,
    extra: RequestExtra = {},
  ): Promise<z.infer<Schema>> {
    return (await call(method, path, responseSchema, extra)).value;
  }

  return {
    signInConfig: () => value('GET', '/auth/config', SignInConfig),
    listDevAgents: async () => (await value('GET', '/auth/dev-agents', itemsOf(Agent))).items,
    devSignIn: (agentId) => value('POST', '/auth/dev-token', TokenResponse, { body: { agentId } }),
    me: () => value('GET', '/me', Agent),
    createCallback: async (body, createOptions = {}) => {
      const headers: Record<string, string> = {};
      if (createOptions.idempotencyKey !== undefined) headers['idempotency-key'] = createOptions.idempotencyKey;
      const answer = await call('POST', '/callbacks', Callback, { body, headers });
      return { callback: answer.value, replayed: answer.status === 200 };
    },
    getCallback: (idOrNumber) => value('GET', `/callbacks/${segment(idOrNumber)}`, Callback),
    listCallbacks: (query = {}) => value('GET', '/callbacks', CallbackPage, { query }),
    listCallbackEvents: async (idOrNumber) => (await value('GET', `/callbacks/${segment(idOrNumber)}/events`, CallbackEventList)).items,
    updateCallback: (id, body) => value('PATCH', `/callbacks/${segment(id)}`, Callback, { body }),
    cancelCallback: (id, body = {}) => value('POST', `/callbacks/${segment(id)}/cancel`, Callback, { body }),
    rescheduleCallback: (id, body) => value('POST', `/callbacks/${segment(id)}/reschedule`, Callback, { body }),
    getQueuePosition: (id) => value('GET', `/callbacks/${segment(id)}/position`, QueuePosition),
    listQueues: async () => (await value('GET', '/queues', itemsOf(QueueConfig))).items,
    getQueue: (queueId) => value('GET', `/queues/${segment(queueId)}`, QueueConfig),
    listQueueRevisions: async (queueId) => (await value('GET', `/queues/${segment(queueId)}/versions`, itemsOf(QueueConfigRevision))).items,
    getQueueVersion: (queueId, version) => value('GET', `/queues/${segment(queueId)}/versions/${version}`, QueueConfig),
    listQueueSlots: (queueId, query) => value('GET', `/queues/${segment(queueId)}/slots`, QueueSlotList, { query }),
    createQueue: (body) => value('POST', '/queues', QueueConfig, { body }),
    replaceQueue: (queueId, body, version) => value('PUT', `/queues/${segment(queueId)}`, QueueConfig, { body, headers: ifMatch(version) }),
    updateQueue: (queueId, changes, version) => value('PATCH', `/queues/${segment(queueId)}`, QueueConfig, { body: changes, headers: ifMatch(version) }),
    removeQueue: (queueId, version) => value('DELETE', `/queues/${segment(queueId)}`, QueueConfigRevision, { headers: ifMatch(version) }),
    getQueueStats: async () => (await value('GET', '/queues/stats', itemsOf(QueueStats))).items,
    getQueueHistory: (query = {}) => value('GET', '/queues/stats/history', QueueHistory, { query }),
    listMissedOffers: (query = {}) => value('GET', '/offers/missed', MissedOffersPage, { query }),
    listAgents: async () => (await value('GET', '/agents', itemsOf(Agent))).items,
    setPresence: (agentId, presence) =>
      value('PUT', `/agents/${segment(agentId)}/presence`, Agent, { body: { presence } }),
    getVendor: () => value('GET', '/vendor', VendorDescription),
    listInteractions: async (query = {}) => (await value('GET', '/interactions', InteractionList, { query })).items,
    getInteraction: (id) => value('GET', `/interactions/${segment(id)}`, Interaction),
    sendCommand: (interactionId, command) =>
      value('POST', `/interactions/${segment(interactionId)}/commands`, Interaction, { body: command }),
  };
}

function ifMatch(version: number): Record<string, string> {
  return { 'if-match': `"${version}"` };
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

function toQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, entry] of Object.entries(query)) {
    if (entry !== undefined && entry !== null) params.append(key, String(entry));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
