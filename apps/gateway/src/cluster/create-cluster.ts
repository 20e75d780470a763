import type { Router } from 'express';
import { systemClock, type AdapterContext, type CcaasAdapterV1, type Clock, type Logger } from '@icc/core';
import { openPostgresLogTail, type LogTail, type PostgresEventStore } from '@icc/store-postgres';
import type { DevTelephony } from '../composition/adapter-registry';
import type { GatewayAdapterSink } from '../composition/create-adapter-sink';
import type { CallbackBooking } from '../capacity/callback-booking';
import type { CallbackIntake } from '../intake/callback-intake';
import type { EventHub } from '../events/event-hub';
import type { WebhookDispatcher } from '../events-out/webhook-dispatcher';
import { acdCallRouter } from './acd-call-route';
import { bookingAcrossGateways } from './booking-across-gateways';
import { createAcdOwnerClient } from './acd-owner-client';
import { createAcdOwnership } from './acd-ownership';
import { startAcdTerm } from './acd-term';
import { createClusterAdapter } from './cluster-adapter';
import { ACD_LEASE, type ClusterSettings, type ClusterStatus } from './cluster-settings';
import { createClusterTokens } from './cluster-tokens';

export interface ClusterDependencies {
  settings: ClusterSettings;
  store: PostgresEventStore;
  /** The store's URL: the log tail holds a connection of its own there for LISTEN. */
  storeUrl: string;
  registered: { adapter: CcaasAdapterV1; telephony?: DevTelephony | undefined };
  /** Shared by every gateway of the cluster (agent tokens verify anywhere; the internal hop is signed with it). */
  sharedSecret: string;
  hub: EventHub;
  context(sink: GatewayAdapterSink): Promise<AdapterContext>;
  startDispatcher(): WebhookDispatcher;
  startDemoTraffic?(): () => void;
  logger: Logger;
  timerClock?: Clock;
}

/** What a clustered gateway runs besides what every gateway runs. */
export interface GatewayCluster {
  /** The ACD here or one hop away (`createClusterAdapter`). */
  adapter: CcaasAdapterV1;
  telephony: DevTelephony | undefined;
  /** The sink of the term running here; `idle()` resolves at once on a follower. */
  sink: GatewayAdapterSink;
  /** Wakes the term's dispatcher (outgoing webhooks are sent by the owner only). */
  dispatcher: WebhookDispatcher;
  /** `POST /internal/v1/acd`. */
  router: Router;
  /** Booking checks and their write, one gateway at a time per queue (`bookingAcrossGateways`). */
  acrossGateways(booking: CallbackBooking): CallbackBooking;
  /** The intake of every gateway: run here while this one runs the ACD, else by the owner's (`local`). */
  intakeAcrossGateways(local: CallbackIntake): CallbackIntake;
  /** Follows the log, then competes for the lease under `instanceUrl`. */
  start(instanceUrl: string): Promise<void>;
  status(): Promise<ClusterStatus>;
  /** Stops the ACD here (its lease released), then the log tail. */
  close(): Promise<void>;
}

export function createGatewayCluster(dependencies: ClusterDependencies): GatewayCluster {
  const { store, hub, logger } = dependencies;
  const timerClock = dependencies.timerClock ?? systemClock;
  let instanceUrl = dependencies.settings.instanceUrl ?? '';
  const tokens = createClusterTokens(dependencies.sharedSecret, () => instanceUrl, timerClock);
  const ownership = createAcdOwnership({
    leases: store.leases,
    timerClock,
    logger,
    ...(dependencies.settings.leaseTtlMs === undefined ? {} : { leaseTtlMs: dependencies.settings.leaseTtlMs }),
    startTerm: (lease) =>
      startAcdTerm(lease, {
        registered: dependencies.registered.adapter,
        appendFenced: (events, fence) => store.appendFenced(events, fence),
        hub,
        context: dependencies.context,
        startDispatcher: dependencies.startDispatcher,
        ...(dependencies.startDemoTraffic ? { startDemoTraffic: dependencies.startDemoTraffic } : {}),
        fenceLost: (lease) => ownership.fenceLost(lease),
        logger,
        timerClock,
      }),
  });
  const owner = createAcdOwnerClient({ leases: store.leases, tokens, self: () => instanceUrl, logger });
  const { adapter, telephony } = createClusterAdapter(dependencies.registered.adapter, dependencies.registered.telephony, ownership, owner);
  let tail: LogTail | undefined;
  let ownIntake: CallbackIntake | undefined;
  const intakeHere = (): CallbackIntake => {
    if (!ownIntake) throw new Error('The cluster intake is not set up yet');
    return ownIntake;
  };

  return {
    adapter,
    telephony,
    sink: {
      emit: (events) => {
        const term = ownership.currentTerm();
        return term ? term.sink.emit(events) : Promise.reject(new Error('Only the gateway running the ACD emits adapter events'));
      },
      idle: async () => ownership.currentTerm()?.sink.idle(),
    },
    dispatcher: {
      wake: () => ownership.currentTerm()?.dispatcher.wake(),
      subscribed: () => ownership.currentTerm()?.dispatcher.subscribed(),
      stop: async () => undefined,
    },
    router: acdCallRouter(tokens, ownership, dependencies.registered.telephony, intakeHere),
    acrossGateways: (booking) => bookingAcrossGateways(booking, store.exclusive),
    intakeAcrossGateways(local) {
      ownIntake = local;
      return {
        async create(request, idempotencyKey) {
          if (await ownership.localTerm()) return local.create(request, idempotencyKey);
          return owner.createCallback({ operation: 'createCallback', request, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) });
        },
      };
    },
    async start(url) {
      instanceUrl = dependencies.settings.instanceUrl ?? url;
      // NOTIFY only wakes the tail; it reads the log by seq, and the hub skips what it already published.
      tail = await openPostgresLogTail({
        url: dependencies.storeUrl,
        readAfter: (afterSeq, limit) => store.readAfter(afterSeq, limit),
        afterSeq: hub.lastPublishedSeq(),
        onEvents: (events) => hub.publishCommitted(events),
        // This gateway's own appends (it runs the ACD) are published as they commit: not read back.
        deliveredElsewhere: () => hub.lastPublishedSeq(),
        logger,
      });
      ownership.start(instanceUrl);
    },
    async status() {
      const lease = await store.leases.current(ACD_LEASE);
      return {
        instance: instanceUrl,
        role: ownership.currentTerm() ? 'owner' : 'follower',
        owner: lease?.holder ?? null,
        leaseToken: lease?.token ?? null,
        lastPublishedSeq: hub.lastPublishedSeq(),
      };
    },
    async close() {
      await ownership.stop();
      await tail?.close();
    },
  };
}
