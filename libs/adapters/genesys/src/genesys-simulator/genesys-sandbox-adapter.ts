import { z } from 'zod';
import type { AdapterRegistration } from '@icc/adapter-kit';
import { IccError, type CcaasAdapterV1 } from '@icc/core';
import { GENESYS_CAPABILITIES } from '../genesys-capabilities';
import { createGenesysSandbox, type GenesysSandbox } from './genesys-sandbox';
import type { SimCustomerBehaviour } from './simulator-telephony';

const OneCall = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), afterSeconds: z.number().min(0).max(600).default(3), hangUpAfterSeconds: z.number().min(1).max(7200).optional() }),
  /** `afterSeconds`: how long it rings before Genesys gives up (default 25). */
  z.object({ kind: z.literal('no-answer'), afterSeconds: z.number().min(1).max(120).optional() }),
  z.object({ kind: z.literal('busy'), afterSeconds: z.number().min(0).max(60).optional() }),
  z.object({ kind: z.literal('fail'), afterSeconds: z.number().min(0).max(60).optional() }),
]);

/**
 * A simulated customer's phone, as the gateway's dev telephony endpoint sets it: one behaviour for
 * every call, or a `sequence` whose n-th step answers the n-th call (the last one repeats).
 */
export const GenesysSandboxCustomerBehaviour = z.union([OneCall, z.object({ kind: z.literal('sequence'), steps: z.array(OneCall).min(1).max(20) })]);
export type GenesysSandboxCustomerBehaviour = z.infer<typeof GenesysSandboxCustomerBehaviour>;

/** The simulator's script for one number, from the dev endpoint's (unvalidated) body. */
export function genesysSandboxCalls(behaviour: unknown): SimCustomerBehaviour[] {
  const parsed = GenesysSandboxCustomerBehaviour.parse(behaviour);
  const calls = parsed.kind === 'sequence' ? parsed.steps : [parsed];
  return calls.map((call) => Object.fromEntries(Object.entries(call).filter(([, value]) => value !== undefined)) as SimCustomerBehaviour);
}

/** `ICC_VENDOR=genesys` without credentials: the sandbox adapter and the dev telephony endpoint's phones. */
export function createGenesysSandboxRegistration(): AdapterRegistration {
  const adapter = createGenesysSandboxAdapter();
  return {
    adapter,
    telephony: {
      behaviourSchema: GenesysSandboxCustomerBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.setCustomerBehaviour(phoneNumber, genesysSandboxCalls(behaviour)),
    },
  };
}

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
