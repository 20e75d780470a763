import { IccError, type CcaasAdapterV1 } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import type { DevTelephony } from '../composition/adapter-registry';
import type { AcdCall } from './acd-calls';
import { invokeAcdCall } from './acd-calls';
import type { AcdOwnerClient } from './acd-owner-client';
import type { AcdOwnership } from './acd-ownership';

/**
 * The adapter every route and stream of a clustered gateway uses: the ACD running here when this
 * gateway holds the lease, else the owner's, one internal hop away. Starting and stopping the real
 * adapter is the ownership's business, so `start` and `stop` do nothing.
 */
export function createClusterAdapter(
  registered: CcaasAdapterV1,
  telephony: DevTelephony | undefined,
  ownership: AcdOwnership,
  owner: AcdOwnerClient,
): { adapter: CcaasAdapterV1; telephony: DevTelephony | undefined } {
  const run = async (call: Exclude<AcdCall, { operation: 'createCallback' }>): Promise<IccEvent[]> => {
    const term = await ownership.localTerm();
    return term ? invokeAcdCall(term.adapter, telephony, call) : owner.call(call);
  };
  // Queue changes are stored before the adapter hears of them: with no owner to tell, the next one reads them at its start.
  const stored = (calling: Promise<IccEvent[]>) =>
    calling.catch((error: unknown) => {
      if (error instanceof IccError && error.code === 'owner_unavailable') return [];
      throw error;
    });
  const adapter: CcaasAdapterV1 = {
    specificationVersion: registered.specificationVersion,
    vendor: registered.vendor,
    capabilities: registered.capabilities,
    start: async () => undefined,
    stop: async () => undefined,
    requestCallback: (request, identity) => run({ operation: 'requestCallback', request, identity }),
    updateCallback: (callbackId, changes) => run({ operation: 'updateCallback', callbackId, changes }),
    cancelCallback: (callbackId, actor, reason) => run({ operation: 'cancelCallback', callbackId, actor, ...(reason === undefined ? {} : { reason }) }),
    reschedule: (callbackId, request, actor) => run({ operation: 'reschedule', callbackId, request, actor }),
    setPresence: (agentId, presence) => run({ operation: 'setPresence', agentId, presence }),
    execute: (agentId, command) => run({ operation: 'execute', agentId, command }),
    ...(registered.ingest ? { ingest: (request) => run({ operation: 'ingest', headers: request.headers, rawBody: request.rawBody }) } : {}),
    ...(registered.applyQueueConfig ? { applyQueueConfig: (queue) => stored(run({ operation: 'applyQueueConfig', queue })) } : {}),
    ...(registered.removeQueue ? { removeQueue: (queueId) => stored(run({ operation: 'removeQueue', queueId })) } : {}),
    // Answered where the ACD runs; elsewhere undefined, and the gateway counts from the store.
    ...(registered.queuePosition ? { queuePosition: (callbackId) => ownership.currentTerm()?.adapter.queuePosition?.(callbackId) } : {}),
    ...(registered.queueSettings ? { queueSettings: (queueId) => ownership.currentTerm()?.adapter.queueSettings?.(queueId) } : {}),
  };
  const forwardedTelephony: DevTelephony | undefined = telephony && {
    behaviourSchema: telephony.behaviourSchema,
    setBehaviour: async (phoneNumber, behaviour) => {
      await run({ operation: 'setTelephonyBehaviour', phoneNumber, behaviour });
    },
  };
  return { adapter, telephony: forwardedTelephony };
}
