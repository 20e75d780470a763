import type { CustomerStatusTokens } from '../auth/customer-status-tokens';
import type { AsyncEventStore, CcaasAdapterV1, Clock, FakeClock, Logger } from '@icc/core';
import type { AccessControl } from '../auth/access-control';
import type { AgentTokens } from '../auth/agent-tokens';
import type { OidcSettings } from '../auth/oidc-settings';
import type { CommandGate } from '../commands/command-gate';
import type { EventHub } from '../events/event-hub';
import type { CallbackBooking } from '../capacity/callback-booking';
import type { CallbackIntake } from '../intake/callback-intake';
import type { QueueConfiguration } from '../queues/queue-configuration';
import type { GatewayMetrics } from '../metrics/gateway-metrics';
import type { DevTelephony } from './adapter-registry';
import type { GatewayAdapterSink } from './create-adapter-sink';
import type { EndpointPolicy } from '../events-out/endpoint-policy';
import type { WebhookDispatcher } from '../events-out/webhook-dispatcher';
import type { ClusterStatus } from '../cluster/cluster-settings';

/** Everything the routers and the agent stream work with, wired once by `createGateway`. */
export interface GatewayServices {
  /** Every read answers a promise, whichever store it is (`asAsyncEventStore` for SQLite). */
  store: AsyncEventStore;
  adapter: CcaasAdapterV1;
  clock: Clock;
  /** Real time for transport concerns (rate limits, heartbeats), separate so tests can fake it. */
  timerClock: Clock;
  logger: Logger;
  /** Verifies every bearer token: the gateway's own and, when configured, the OpenID provider's. */
  tokens: AgentTokens;
  /** Tokens of the customer status page, one per callback. */
  statusTokens: CustomerStatusTokens;
  /** The OpenID provider agents sign in with (served to the workspace by `GET /v1/auth/config`). */
  oidc?: OidcSettings;
  /** The access policy, asked by every route and stream frame that touches a callback or interaction. */
  access: AccessControl;
  intake: CallbackIntake;
  /** Slot capacity and per-number duplicates of scheduled callbacks, checked per queue in turn. */
  booking: CallbackBooking;
  /** Queue configuration changes (queue API, demo seeding): versioned, then handed to the adapter. */
  queues: QueueConfiguration;
  commands: CommandGate;
  hub: EventHub;
  sink: GatewayAdapterSink;
  metrics: GatewayMetrics;
  /** Development endpoints (dev sign-in, simulated telephony, fake clock) are mounted. */
  devMode: boolean;
  fakeClock?: FakeClock;
  telephony?: DevTelephony;
  webhookSecret?: string;
  /** Outgoing webhooks (docs/webhooks-out.md): where subscribers may be, and the dispatcher to wake. */
  webhooksOut?: { policy: EndpointPolicy; dispatcher: WebhookDispatcher };
  lifecycle: { isReady(): boolean; isShuttingDown(): boolean };
  /** Set when this gateway is one of a cluster (docs/cluster.md). */
  cluster?: { status(): Promise<ClusterStatus> };
}
