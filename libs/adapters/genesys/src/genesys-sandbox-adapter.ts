import { IccError, type CcaasAdapterV1 } from '@icc/core';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import { createGenesysSandbox, type GenesysSandbox } from './genesys-sandbox';
import type { SimCustomerBehaviour } from './genesys-simulator/simulator-telephony';

/** The sandbox adapter, and the simulated customers' phones (the gateway's dev telephony endpoint). */
export interface GenesysSandboxAdapter extends CcaasAdapterV1 {
  setCustomerBehaviour(phoneNumber: string, calls: readonly SimCustomerBehaviour[]): void;
  /** The running sandbox (simulated org and adapter), between `start` and `stop`: fault runs reach its controls. */
  sandbox(): GenesysSandbox | undefined;
}

export interface GenesysSandboxAdapterOptions {
  defaultCustomerBehaviour?: SimCustomerBehaviour;
  /** Jitter source for the adapter's retries and reconnects. Default `Math.random`. */
  random?: () => number;
}

/**
 * The Genesys adapter against an in-process simulated org, seeded at `start` from the gateway's
 * queues and agents: `ICC_VENDOR=genesys` with no credentials runs the real adapter code paths
 * (HTTP through msw, notifications over a loopback WebSocket) without a Genesys account.
 */
export function createGenesysSandboxAdapter(options: GenesysSandboxAdapterOptions = {}): GenesysSandboxAdapter {
  let sandbox: GenesysSandbox | undefined;
  const pending: Array<[string, readonly SimCustomerBehaviour[]]> = [];
  const started = (): GenesysSandbox => {
    if (!sandbox) throw new IccError('vendor_unavailable', 'The Genesys sandbox is not started');
    return sandbox;
  };
  return {
    specificationVersion: 'v1',
    vendor: 'genesys',
    capabilities: GENESYS_CAPABILITIES,
    sandbox: () => sandbox,
    setCustomerBehaviour(phoneNumber, calls) {
      if (sandbox) sandbox.simulator.scriptNumber(phoneNumber, calls);
      else pending.push([phoneNumber, calls]);
    },
    async start(context) {
      if (sandbox) throw new IccError('vendor_unavailable', 'The Genesys sandbox is already started');
      const created = await createGenesysSandbox({
        clock: context.clock,
        queues: context.queues,
        agents: context.agents,
        onUnhandledRequest: 'bypass',
        defaultCustomerBehaviour: options.defaultCustomerBehaviour ?? { kind: 'answer', afterSeconds: 3 },
        adapterOptions: { random: options.random ?? Math.random },
      });
      for (const [phoneNumber, calls] of pending.splice(0)) created.simulator.scriptNumber(phoneNumber, calls);
      sandbox = created;
      try {
        await created.adapter.start(context);
      } catch (error) {
        sandbox = undefined;
        await created.close();
        throw error;
      }
    },
    async stop() {
      const current = sandbox;
      sandbox = undefined;
      if (!current) return;
      await current.adapter.stop();
      await current.close();
    },
    requestCallback: (request, identity) => started().adapter.requestCallback(request, identity),
    updateCallback: (callbackId, changes) => started().adapter.updateCallback(callbackId, changes),
    cancelCallback: (callbackId, actor, reason) => started().adapter.cancelCallback(callbackId, actor, reason),
    reschedule: (callbackId, request, actor) => started().adapter.reschedule(callbackId, request, actor),
    setPresence: (agentId, presence) => started().adapter.setPresence(agentId, presence),
    execute: (agentId, command) => started().adapter.execute(agentId, command),
    queuePosition: (callbackId) => started().adapter.queuePosition(callbackId),
    queueSettings: (queueId) => sandbox?.adapter.queueSettings(queueId),
  };
}
