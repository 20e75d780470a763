import { createCustomerStatusTokens } from '../auth/customer-status-tokens';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asAsyncEventStore, systemClock, type AdapterContext, type AsyncEventStore, type CcaasAdapterV1, type Clock, type EventStore, type FakeClock, type Logger } from '@icc/core';
import { isOpen } from '@icc/engine';
import { isInteractionEvent, WS_CLOSE_CODES } from '@icc/protocol';
import type { SqliteEventStore } from '@icc/store-sqlite';
import { createAgentTokens } from '../auth/agent-tokens';
import { createOidcAccessTokens } from '../auth/oidc-access-tokens';
import type { OidcSettings } from '../auth/oidc-settings';
import { withOidcAccessTokens } from '../auth/token-verifier';
import { createCommandGate } from '../commands/command-gate';
import { createAccessControl } from '../auth/access-control';
import { loadJwtSecret } from '../config/load-jwt-secret';
import { createEventHub } from '../events/event-hub';
import { createInFlightRequests, type InFlightRequests } from '../http/in-flight-requests';
import type { TokenBucketSettings } from '../http/token-bucket';
import { createCallbackBooking } from '../capacity/callback-booking';
import { createCallbackIntake, type CallbackIntake } from '../intake/callback-intake';
import { createQueueConfiguration } from '../queues/queue-configuration';
import { createGatewayMetrics, type GatewayMetricsOptions } from '../metrics/gateway-metrics';
import { DEFAULT_AGENT_STREAM_SETTINGS, type AgentStreamSettings } from '../ws/agent-stream-settings';
import { attachAgentStream } from '../ws/agent-stream-server';
import { checkAdapterSpecification, registerAdapter, type DevTelephony } from './adapter-registry';
import { createAdapterStoreReads } from './adapter-store-reads';
import { createAdapterSink, type GatewayAdapterSink } from './create-adapter-sink';
import { createHttpApp } from './create-http-app';
import { createLogger } from './create-logger';
import { seedDemoConfiguration } from './demo-configuration';
import { startDemoTraffic } from './demo-traffic';
import type { GatewayServices } from './gateway-services';
import { openEventStore } from './open-event-store';
import { createResyncingAdapter, isStorageUnavailable } from './resyncing-adapter';
import { DEFAULT_RETRY_SETTINGS } from '../events-out/retry-backoff';
import type { PostgresEventStore } from '@icc/store-postgres';
import { createGatewayCluster, type GatewayCluster } from '../cluster/create-cluster';
import type { ClusterSettings } from '../cluster/cluster-settings';
import { ConfigError } from '../config/gateway-config';
import { startWebhookDispatcher, type WebhookDispatcher, type WebhookDispatcherSettings } from '../events-out/webhook-dispatcher';

/** The store a gateway runs on: one answering its reads at once (SQLite, in memory) or with promises (PostgreSQL). */
export type GatewayStore = EventStore | AsyncEventStore;

export interface GatewayOptions<Store extends GatewayStore = GatewayStore> {
  dataDir: string;
  /** `postgres://…`: the PostgreSQL store (see `openEventStore`); otherwise SQLite in `dataDir`. Ignored when `store` is given. */
  storeUrl?: string;
  port?: number;
  host?: string;
  /** Registry name; ignored when `adapter` is given. */
  vendor?: string;
  store?: Store;
  adapter?: CcaasAdapterV1;
  telephony?: DevTelephony;
  /** Domain time (the adapter's timers). A fake clock also enables `POST /v1/dev/clock/advance`. */
  clock?: Clock;
  fakeClock?: FakeClock;
  /** Transport time: rate limits, heartbeats, hello timeout, webhook tolerance. */
  timerClock?: Clock;
  jwtSecret?: string;
  /** OpenID Connect sign-in: the provider whose access tokens are accepted, and how claims map to agents. */
  oidc?: OidcSettings;
  webhookSecret?: string;
  /** Outgoing webhooks; defaults: https to public addresses only, 8 attempts from 1 s doubling. */
  webhooksOut?: Partial<WebhookDispatcherSettings>;
  devMode?: boolean;
  demoTraffic?: boolean;
  logger?: Logger;
  logLevel?: string;
  workspaceDir?: string;
  openFrameDir?: string;
  stream?: Partial<AgentStreamSettings>;
  intakeRateLimit?: TokenBucketSettings;
  processMetrics?: boolean;
  /** Several gateways over one PostgreSQL (docs/cluster.md); needs `storeUrl` and a shared `jwtSecret`. */
  cluster?: ClusterSettings;
}

export interface Gateway<Store extends GatewayStore = GatewayStore> {
  server: Server;
  url: string;
  /** The store as given (or opened); the gateway itself reads it through the async port (`services.store`). */
  store: Store;
  adapter: CcaasAdapterV1;
  services: GatewayServices;
  close(): Promise<void>;
}

const DRAIN_TIMEOUT_MS = 10_000;

/** The composition root: open store → seed → start adapter → listen. `/readyz` is 200 only after all of it. */
export async function createGateway<Store extends GatewayStore = GatewayStore>(options: GatewayOptions<Store>): Promise<Gateway<Store>> {
  const logger = options.logger ?? createLogger(options.logLevel ?? 'info');
  const clock = options.fakeClock ?? options.clock ?? systemClock;
  const timerClock = options.timerClock ?? systemClock;
  const devMode = options.devMode ?? process.env['NODE_ENV'] !== 'production';
  const registered = options.adapter ? { adapter: options.adapter, telephony: options.telephony } : registeredAdapter(options);
  checkAdapterSpecification(registered.adapter);
  if (options.cluster && options.jwtSecret === undefined) {
    throw new ConfigError('ICC_JWT_SECRET: every gateway of a cluster needs the same secret (agent tokens verify on any of them)');
  }
  const jwtSecret = loadJwtSecret(options.jwtSecret, options.dataDir);

  const given = (options.store ?? (await openEventStore({ dataDir: options.dataDir, ...(options.storeUrl === undefined ? {} : { url: options.storeUrl }) }))) as Store;
  const store = asAsyncEventStore(given);
  const hub = await createEventHub(store, logger).catch(async (error: unknown) => {
    await store.close().catch(() => undefined);
    throw error;
  });
  const adapterReads = createAdapterStoreReads(given, store, logger);
  hub.subscribe(({ event }) => {
    if (isInteractionEvent(event)) adapterReads.changed(event);
  });
  const adapterContextWith = async (sink: GatewayAdapterSink): Promise<AdapterContext> => {
    const [queues, agents, openInteractions] = await Promise.all([store.listQueues(), store.listAgents(), store.openInteractions()]);
    await adapterReads.prepare(openInteractions);
    return {
      sink,
      clock,
      logger,
      queues,
      queueVersion: adapterReads.queueVersion,
      agents,
      openInteractions,
      getCallback: adapterReads.getCallback,
    };
  };
  let ready = false;
  let adapterStarted = false;
  let shuttingDown = false;
  let stopDemoTraffic: (() => void) | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  let cluster: GatewayCluster | undefined;
  let single: { adapter: CcaasAdapterV1; sink: GatewayAdapterSink } | undefined;
  try {
    const metrics = createGatewayMetrics(store, () => clock.now(), { processMetrics: options.processMetrics ?? false, ...logMetricsOf(given) });
    hub.subscribe((published) => metrics.observeEvent(published));
    const webhooksSettings = webhookDispatcherSettings(options.webhooksOut);
    const startDispatcher = () => startWebhookDispatcher({ store, timerClock, logger, registry: metrics.registry }, webhooksSettings);
    // Demo traffic goes through the intake, which needs the adapter the cluster provides: set below.
    const late: { intake?: CallbackIntake } = {};
    const startDemo = () => startDemoTraffic(requireValue(late.intake, 'intake'), clock, timerClock, logger);
    const clusterStore = options.cluster ? clusterStoreOf(given, options) : undefined;
    if (options.cluster && clusterStore) {
      cluster = createGatewayCluster({
        settings: options.cluster,
        ...clusterStore,
        registered,
        sharedSecret: jwtSecret,
        hub,
        context: adapterContextWith,
        startDispatcher,
        ...(options.demoTraffic ? { startDemoTraffic: startDemo } : {}),
        logger,
        timerClock,
      });
    } else {
      const sink = createAdapterSink((events) => store.append(events), hub, (error) => {
        if (isStorageUnavailable(error)) resyncing.storeRefused(error);
      });
      const resyncing = createResyncingAdapter(registered.adapter, { context: () => adapterContextWith(sink), logger, timerClock });
      single = { adapter: resyncing.adapter, sink };
      dispatcher = startDispatcher();
    }
    const adapter = cluster?.adapter ?? requireValue(single, 'adapter').adapter;
    const telephony = cluster ? cluster.telephony : registered.telephony;
    const sink = cluster?.sink ?? requireValue(single, 'sink').sink;
    const webhooksDispatcher = cluster?.dispatcher ?? requireValue(dispatcher, 'dispatcher');
    hub.subscribe(() => webhooksDispatcher.wake());

    const queues = createQueueConfiguration({ store, adapter, logger, now: () => clock.now(), adapterStarted: () => adapterStarted });
    const seed = () => seedDemoConfiguration(store, queues);
    // Gateways of a cluster may start together on an empty database: one seeds, the others find it done.
    if (await (clusterStore ? clusterStore.store.exclusive('seed-demo-configuration', seed) : seed())) {
      logger.info({ queues: (await store.listQueues()).length }, 'seeded demo queues and agents');
    }
    const access = createAccessControl(store, hub.timeline);
    const localBooking = createCallbackBooking(store, isOpen, () => clock.now());
    const booking = cluster ? cluster.acrossGateways(localBooking) : localBooking;
    const localIntake = createCallbackIntake(store, adapter, booking);
    const intake = cluster ? cluster.intakeAcrossGateways(localIntake) : localIntake;
    late.intake = intake;
    const services: GatewayServices = {
      store,
      adapter,
      clock,
      timerClock,
      logger,
      tokens: agentTokens(jwtSecret, timerClock, options.oidc, store, logger),
      statusTokens: createCustomerStatusTokens(jwtSecret),
      ...(options.oidc ? { oidc: options.oidc } : {}),
      intake,
      booking,
      queues,
      access,
      commands: createCommandGate(store, adapter, metrics, access, booking),
      hub,
      sink,
      metrics,
      devMode,
      ...(options.fakeClock && devMode ? { fakeClock: options.fakeClock } : {}),
      ...(telephony && devMode ? { telephony } : {}),
      ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
      webhooksOut: { policy: webhooksSettings.policy, dispatcher: webhooksDispatcher },
      lifecycle: { isReady: () => ready, isShuttingDown: () => shuttingDown },
      ...(cluster ? { cluster: { status: cluster.status } } : {}),
    };

    const inFlight = createInFlightRequests();
    const app = createHttpApp(services, {
      inFlight,
      intakeRateLimit: options.intakeRateLimit ?? { capacity: 30, ratePerSecond: 5 },
      ...(cluster ? { internalRouter: cluster.router } : {}),
      ...(options.workspaceDir === undefined ? {} : { workspaceDir: options.workspaceDir }),
      ...(options.openFrameDir === undefined ? {} : { openFrameDir: options.openFrameDir }),
    });
    const server = createServer(app);
    const stream = attachAgentStream(server, services, { ...DEFAULT_AGENT_STREAM_SETTINGS, ...options.stream });

    if (single) await single.adapter.start(await adapterContextWith(single.sink));
    adapterStarted = single !== undefined;
    await listen(server, options.port ?? 3000, options.host ?? '127.0.0.1');
    const url = urlOf(server);
    // Queue changes made before this reach the ACD from the store, when a term starts.
    if (cluster) await cluster.start(url);
    adapterStarted = true;
    ready = true;
    if (options.demoTraffic && !cluster) stopDemoTraffic = startDemo();

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        shuttingDown = true;
        stopDemoTraffic?.();
        await stream.close(WS_CLOSE_CODES.serverRestart, 'server restart: reconnect with resumeFrom');
        await drain(server, inFlight);
        await sink.idle();
        await cluster?.close();
        await single?.adapter.stop();
        await sink.idle();
        await dispatcher?.stop();
        await store.close();
        logger.info({}, 'gateway stopped');
      })();
      return closing;
    };
    return { server, url, store: given, adapter, services, close };
  } catch (error) {
    stopDemoTraffic?.();
    await dispatcher?.stop();
    await cluster?.close().catch(() => undefined);
    await single?.adapter.stop().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** The SQLite store reports each sync of its log and the log file's size; the others have neither. */
function logMetricsOf(store: GatewayStore): Pick<GatewayMetricsOptions, 'logSyncs' | 'logFileBytes' | 'storeTotals'> {
  const sqlite = store as Partial<Pick<SqliteEventStore, 'onLogSynced' | 'logFileBytes' | 'stats'>>;
  if (!sqlite.onLogSynced || !sqlite.logFileBytes || !sqlite.stats) return {};
  return { logSyncs: sqlite.onLogSynced.bind(store), logFileBytes: sqlite.logFileBytes.bind(store), storeTotals: sqlite.stats.bind(store) };
}

function requireValue<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not set up yet`);
  return value;
}

/** A cluster shares its log, leases and locks in PostgreSQL: the store must be PostgreSQL's, and its URL known (LISTEN). */
function clusterStoreOf(given: GatewayStore, options: GatewayOptions): { store: PostgresEventStore; storeUrl: string } {
  const store = given as Partial<PostgresEventStore>;
  if (typeof store.appendFenced !== 'function' || !store.leases || typeof store.exclusive !== 'function' || options.storeUrl === undefined) {
    throw new ConfigError('ICC_CLUSTER: a cluster needs the PostgreSQL store (ICC_STORE=postgres://…)');
  }
  return { store: given as PostgresEventStore, storeUrl: options.storeUrl };
}

function agentTokens(jwtSecret: string, timerClock: Clock, oidc: OidcSettings | undefined, store: AsyncEventStore, logger: Logger) {
  const own = createAgentTokens(jwtSecret, timerClock);
  if (!oidc) return own;
  const tokens = createOidcAccessTokens(oidc, { clock: timerClock, getAgent: (agentId) => store.getAgent(agentId), logger });
  void tokens.warmUp();
  return withOidcAccessTokens(own, { issuer: oidc.issuer, tokens });
}

function webhookDispatcherSettings(given: Partial<WebhookDispatcherSettings> | undefined): WebhookDispatcherSettings {
  return {
    policy: given?.policy ?? { allowLocalhost: false, allowPrivateNetworks: false },
    retry: given?.retry ?? DEFAULT_RETRY_SETTINGS,
    requestTimeoutMs: given?.requestTimeoutMs ?? 10_000,
    pollMs: given?.pollMs ?? 500,
  };
}

function registeredAdapter(options: GatewayOptions<GatewayStore>) {
  return registerAdapter(options.vendor ?? 'mock', { dataDir: options.dataDir, randomTelephony: options.demoTraffic ?? false });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function urlOf(server: Server): string {
  const address = server.address() as AddressInfo;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${address.family === 'IPv6' && host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

/**
 * Lets in-flight requests finish while new ones are still answered (intake with 503
 * shutting_down), then stops listening and cuts idle keep-alive connections. Bounded.
 */
async function drain(server: Server, inFlight: InFlightRequests): Promise<void> {
  let force: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    force = setTimeout(resolve, DRAIN_TIMEOUT_MS);
    force.unref();
  });
  await Promise.race([inFlight.idle(), deadline]);
  clearTimeout(force);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
