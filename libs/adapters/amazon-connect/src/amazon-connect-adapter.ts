import { IccError, type AdapterContext, type CcaasAdapterV1, type VendorWebhookRequest } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import { createAdapterRuntime, type AdapterRuntime } from './adapter-runtime';
import { executeAgentCommand } from './agent-commands';
import { AMAZON_CONNECT_CAPABILITIES } from './amazon-connect-capabilities';
import { createAmazonConnectApi } from './amazon-connect-client';
import { AmazonConnectAdapterConfig, type AmazonConnectAdapterConfigInput } from './amazon-connect-config';
import { createAmazonConnectStreamsClient } from './amazon-connect-streams-client';
import { cancelCallback, requestCallback, rescheduleCallback, setPresence, updateCallback } from './callback-requests';
import { ingestDelivery, type IngestCounters } from './ingest-delivery';
import { createInteractionBook } from './interaction-book';
import { armRestoredTimers } from './interaction-timers';
import { createRecentIds } from './recent-ids';
import { createTimerSet } from './timer-set';

export interface AmazonConnectAdapterDiagnostics {
  /** Interactions the adapter holds in memory: the open ones (a closed one is forgotten). */
  tracked: number;
  /** Connect contacts held for them. */
  contacts: number;
  /** Facts about contacts of closed interactions (late or repeated events) skipped since the start. */
  factsAfterClose: number;
}

export interface AmazonConnectAdapter extends CcaasAdapterV1 {
  /** Deliveries by outcome, for metrics and tests. */
  readonly ingestCounters: Readonly<IngestCounters>;
  diagnostics(): AmazonConnectAdapterDiagnostics;
  ingest(request: VendorWebhookRequest): Promise<IccEvent[]>;
}

interface Running {
  runtime: AdapterRuntime;
  abort: AbortController;
}

const SEEN_EVENT_IDS = 10_000;

/**
 * Amazon Connect as an ICC vendor: queued agent-first callbacks started with
 * StartOutboundVoiceContact, agent actions through the CCP (Streams), and contact events plus
 * agent events pushed by a relay to the signed webhook (`ingest`). See the README for the mapping.
 */
export function createAmazonConnectAdapter(configInput: AmazonConnectAdapterConfigInput): AmazonConnectAdapter {
  const config = AmazonConnectAdapterConfig.parse(configInput);
  const counters: IngestCounters = { accepted: 0, duplicates: 0, malformed: 0, unknownTypes: 0, foreignChannels: 0 };
  const seen = createRecentIds(SEEN_EVENT_IDS);
  let running: Running | undefined;

  const requireRunning = (): AdapterRuntime => {
    if (!running) throw new IccError('vendor_unavailable', 'The Amazon Connect adapter is not started');
    return running.runtime;
  };
  const withRuntime = async <T>(work: (runtime: AdapterRuntime) => Promise<T>): Promise<T> => work(requireRunning());

  const restore = (runtime: AdapterRuntime, context: AdapterContext) => {
    for (const interaction of context.openInteractions) {
      runtime.book.interactions.set(interaction.id, interaction);
      const callback = context.getCallback(interaction.callbackId);
      if (callback) runtime.book.callbacks.set(callback.id, { callback, interactionId: interaction.id });
    }
    for (const agent of context.agents) runtime.book.presence.set(agent.id, agent.presence);
    armRestoredTimers(runtime);
  };

  return {
    specificationVersion: 'v1',
    vendor: 'amazon-connect',
    capabilities: AMAZON_CONNECT_CAPABILITIES,
    ingestCounters: counters,
    diagnostics: () => ({
      tracked: running?.runtime.book.interactions.size ?? 0,
      contacts: running?.runtime.book.contacts.size ?? 0,
      factsAfterClose: running?.runtime.factsAfterClose() ?? 0,
    }),
    async start(context) {
      if (running) throw new IccError('vendor_unavailable', 'The Amazon Connect adapter is already started');
      const abort = new AbortController();
      const runtime = createAdapterRuntime({
        config,
        context,
        book: createInteractionBook(context.queues),
        api: createAmazonConnectApi(config, context.clock, abort.signal),
        streams:
          config.streamsEndpoint === undefined
            ? undefined
            : createAmazonConnectStreamsClient({ baseUrl: config.streamsEndpoint, instanceId: config.instanceId, clock: context.clock, signal: abort.signal }),
        timers: createTimerSet(context.clock),
      });
      restore(runtime, context);
      running = { runtime, abort };
    },
    async stop() {
      const current = running;
      if (!current) return;
      running = undefined;
      current.runtime.halt();
      current.runtime.timers.clear();
      current.abort.abort(new IccError('vendor_unavailable', 'The Amazon Connect adapter stopped'));
      await current.runtime.idle();
      current.runtime.timers.clear();
      current.runtime.api.destroy();
    },
    requestCallback: (request, identity) => withRuntime((runtime) => requestCallback(runtime, request, identity)),
    updateCallback: (callbackId, changes) => withRuntime((runtime) => updateCallback(runtime, callbackId, changes)),
    cancelCallback: (callbackId, actor, reason) => withRuntime((runtime) => cancelCallback(runtime, callbackId, actor, reason)),
    reschedule: (callbackId, request, actor) =>
      withRuntime((runtime) => rescheduleCallback(runtime, callbackId, request, actor === 'agent' ? 'agent' : actor === 'customer' ? 'customer' : 'api')),
    setPresence: (agentId, presence) => withRuntime((runtime) => setPresence(runtime, agentId, presence)),
    execute: (agentId, command) => withRuntime((runtime) => executeAgentCommand(runtime, agentId, command)),
    ingest: (request) => withRuntime((runtime) => ingestDelivery(runtime, request, seen, counters)),
  };
}
