import { LeaseLostError, type AdapterContext, type CcaasAdapterV1, type Clock, type Lease, type Logger } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import { createAdapterSink, type GatewayAdapterSink } from '../composition/create-adapter-sink';
import { createResyncingAdapter, isStorageUnavailable } from '../composition/resyncing-adapter';
import type { EventHub } from '../events/event-hub';
import type { WebhookDispatcher } from '../events-out/webhook-dispatcher';

export interface AcdTermDependencies {
  /** The vendor adapter as registered; each term starts it from the log and stops it at the end. */
  registered: CcaasAdapterV1;
  appendFenced(events: readonly NewIccEvent[], fence: Lease): Promise<IccEvent[]>;
  hub: EventHub;
  context(sink: GatewayAdapterSink): Promise<AdapterContext>;
  startDispatcher(): WebhookDispatcher;
  /** Demo traffic, when the gateway was asked for it: once per cluster, so on the owner. */
  startDemoTraffic?(): () => void;
  /** An append was refused because the lease is gone: the term must end now. */
  fenceLost(lease: Lease): void;
  logger: Logger;
  timerClock: Clock;
}

/** The work of one term of ownership of the ACD, from taking the lease to losing it. */
export interface AcdTerm {
  readonly lease: Lease;
  readonly adapter: CcaasAdapterV1;
  readonly sink: GatewayAdapterSink;
  readonly dispatcher: WebhookDispatcher;
  stop(): Promise<void>;
}

/**
 * Starts the adapter from the log (open interactions, agents, queues as stored: timers for
 * scheduled starts and retries are set again from them), then the outgoing webhooks. Every event
 * it appends is fenced with the term's lease: once the lease is gone nothing more lands in the log.
 */
export async function startAcdTerm(lease: Lease, dependencies: AcdTermDependencies): Promise<AcdTerm> {
  const append = (events: readonly NewIccEvent[]) => dependencies.appendFenced(events, lease);
  const sink = createAdapterSink(append, dependencies.hub, (error) => {
    if (error instanceof LeaseLostError) dependencies.fenceLost(lease);
    else if (isStorageUnavailable(error)) resyncing.storeRefused(error);
  });
  const resyncing = createResyncingAdapter(dependencies.registered, {
    context: () => dependencies.context(sink),
    logger: dependencies.logger,
    timerClock: dependencies.timerClock,
  });
  await resyncing.adapter.start(await dependencies.context(sink));
  let dispatcher: WebhookDispatcher;
  let stopDemoTraffic: (() => void) | undefined;
  try {
    dispatcher = dependencies.startDispatcher();
    stopDemoTraffic = dependencies.startDemoTraffic?.();
  } catch (error) {
    // A term that fails to start leaves the adapter stopped: else every later term here fails on "already started".
    await resyncing.adapter.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    lease,
    adapter: resyncing.adapter,
    sink,
    dispatcher,
    stop() {
      stopping ??= (async () => {
        stopDemoTraffic?.();
        await sink.idle();
        await resyncing.adapter.stop();
        await sink.idle();
        await dispatcher.stop();
      })();
      return stopping;
    },
  };
}
