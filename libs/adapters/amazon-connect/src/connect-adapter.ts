import { createAdapterLifecycle } from '@icc/adapter-kit';
import type { CcaasAdapterV1, VendorWebhookRequest } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import { executeAgentCommand } from './connect-agent-commands';
import { notRespondingAfterMissedOffer, setPresence } from './connect-agent-status';
import { cancelCallback, requestCallback, rescheduleCallback, updateCallback } from './connect-callback-requests';
import { AMAZON_CONNECT_CAPABILITIES } from './connect-capabilities';
import { AmazonConnectAdapterConfig, type AmazonConnectAdapterConfigInput } from './connect-config';
import { createConnectIntake, observationsOf, type IngestCounters } from './connect-ingest-delivery';
import { createConnectQueuePosition } from './connect-queue-position';
import { createConnectRuntime, type ConnectRuntime } from './connect-runtime';
import { armInteractionTimers, expireInteraction } from './connect-timers';

export interface AmazonConnectAdapterDiagnostics {
  /** Interactions the adapter holds in memory: the open ones (a closed one is forgotten). */
  tracked: number;
  contacts: number;
  /** Facts about contacts of closed interactions (late or repeated events) skipped since the start. */
  factsAfterClose: number;
}

export interface AmazonConnectAdapter extends CcaasAdapterV1 {
  /** Deliveries by outcome, for metrics and tests. */
  readonly ingestCounters: Readonly<IngestCounters>;
  diagnostics(): AmazonConnectAdapterDiagnostics;
  ingest(request: VendorWebhookRequest): Promise<IccEvent[]>;
  queuePosition(callbackId: string): { position: number | null; estimatedWaitSeconds: number | null };
}

/**
 * Amazon Connect as an ICC vendor: agent-first callbacks started as tasks (StartTaskContact) that
 * an agent accepts and calls from, agent actions through the CCP (Streams), and contact events plus
 * agent events pushed by a relay to the signed webhook (`ingest`). See the README for the mapping.
 */
export function createAmazonConnectAdapter(configInput: AmazonConnectAdapterConfigInput): AmazonConnectAdapter {
  const config = AmazonConnectAdapterConfig.parse(configInput);
  const intake = createConnectIntake(config);
  const counters: IngestCounters = Object.assign(intake.counters, { unknownTypes: 0, foreignChannels: 0 });
  const lifecycle = createAdapterLifecycle<ConnectRuntime>({
    name: 'The Amazon Connect adapter',
    start(context, signal) {
      // The hooks run later (timers, observed facts), once `runtime` is there.
      const runtime: ConnectRuntime = createConnectRuntime({
        config,
        context,
        signal,
        track: (work) => lifecycle.track(work),
        onExpired: (interactionId) => expireInteraction(runtime, interactionId),
        onMissedOffer: (agentId, contactId) => notRespondingAfterMissedOffer(runtime, agentId, contactId),
        onEmitted: (events) => armInteractionTimers(runtime, events),
      });
      runtime.book.restore(context);
      return runtime;
    },
    stop: (runtime) => runtime.stop(),
  });

  return {
    specificationVersion: 'v1',
    vendor: 'amazon-connect',
    capabilities: AMAZON_CONNECT_CAPABILITIES,
    ingestCounters: counters,
    diagnostics: () => {
      const runtime = lifecycle.running();
      return { tracked: runtime?.book.interactions().length ?? 0, contacts: runtime?.contacts.contacts.size ?? 0, factsAfterClose: runtime?.factsAfterClose() ?? 0 };
    },
    start: lifecycle.start,
    stop: lifecycle.stop,
    ...lifecycle.bind({ requestCallback, updateCallback, cancelCallback, reschedule: rescheduleCallback, setPresence, execute: executeAgentCommand }),
    ingest: (request) => lifecycle.use((runtime) => intake.ingest(request, runtime.context.logger, (delivery) => runtime.observe(observationsOf(runtime, delivery, counters)))),
    queuePosition: createConnectQueuePosition(() => lifecycle.current()),
  };
}
