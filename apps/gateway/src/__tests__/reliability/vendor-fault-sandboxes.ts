import { createSimulatedAmazonConnectAdapter, SimulatedCustomerBehaviour } from '@icc/adapter-amazon-connect';
import { createGenesysSandbox, GENESYS_CAPABILITIES, GenesysSandboxCustomerBehaviour, type GenesysSandbox } from '@icc/adapter-genesys';
import type { VendorFault } from '@icc/adapter-kit';
import { IccError, type CcaasAdapterV1 } from '@icc/core';
import type { DevTelephony } from '../../composition/adapter-registry';

/** The faults a vendor simulator can inject, as the fault run uses them. */
export interface VendorFaultControls {
  /** The next `count` vendor API calls answer 429 / 5xx (with Retry-After when given). */
  failNextCalls(fault: VendorFault): void;
  /** The next pushed event arrives twice. */
  duplicateNextEvent(): void;
  /** The next `count` pushed events arrive in reverse order. */
  reorderNextEvents(count: number): void;
  /** Loses pushed events: the notification socket drops (Genesys) or the next delivery is lost (Connect). */
  loseEvents(): void;
  /** Delays the next pushed event by `seconds` of vendor time, when the simulator can. */
  delayNextEvent?(seconds: number): void;
}

export interface VendorFaultSandbox {
  vendor: string;
  adapter: CcaasAdapterV1;
  telephony: DevTelephony;
  /** How the simulator's phones behave: `answer` (after seconds) or one of its failures. */
  behaviour(kind: 'answer' | 'no-answer' | 'busy', afterSeconds: number): unknown;
  controls(): VendorFaultControls;
  /** Resolves once the simulator has nothing in flight (HTTP answers, pushes). */
  settle(): Promise<void>;
}

const quiet = async (busy: () => boolean, turns = 8) => {
  for (let turn = 0, calm = 0; turn < 2000 && calm < turns; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    calm = busy() ? 0 : calm + 1;
  }
};

/**
 * The Genesys adapter against its simulated org, as the gateway's sandbox registration runs it,
 * but with the simulator's fault controls in reach (the registration keeps them private).
 */
export function genesysFaultSandbox(): VendorFaultSandbox {
  let sandbox: GenesysSandbox | undefined;
  const pendingScripts: Array<[string, unknown]> = [];
  const started = () => {
    if (!sandbox) throw new IccError('vendor_unavailable', 'The Genesys sandbox is not started');
    return sandbox;
  };
  const adapter: CcaasAdapterV1 = {
    vendor: 'genesys',
    capabilities: GENESYS_CAPABILITIES,
    async start(context) {
      sandbox = await createGenesysSandbox({
        clock: context.clock,
        queues: context.queues,
        agents: context.agents,
        onUnhandledRequest: 'bypass',
        defaultCustomerBehaviour: { kind: 'answer', afterSeconds: 3 },
      });
      for (const [phoneNumber, behaviour] of pendingScripts.splice(0)) {
        sandbox.simulator.scriptNumber(phoneNumber, [GenesysSandboxCustomerBehaviour.parse(behaviour)]);
      }
      await sandbox.adapter.start(context);
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
  };
  return {
    vendor: 'genesys',
    adapter,
    telephony: {
      behaviourSchema: GenesysSandboxCustomerBehaviour,
      setBehaviour(phoneNumber, behaviour) {
        if (sandbox) sandbox.simulator.scriptNumber(phoneNumber, [GenesysSandboxCustomerBehaviour.parse(behaviour)]);
        else pendingScripts.push([phoneNumber, behaviour]);
      },
    },
    behaviour: (kind, afterSeconds) => (kind === 'answer' ? { kind, afterSeconds } : { kind }),
    controls() {
      const { simulator } = started();
      return {
        failNextCalls: (fault) => simulator.controls.failNextVendorCalls(fault),
        duplicateNextEvent: () => simulator.controls.duplicateNextVendorEvent(),
        reorderNextEvents: (count) => simulator.controls.reorderNextVendorEvents(count),
        loseEvents: () => simulator.dropConnections(),
      };
    },
    settle: async () => {
      await sandbox?.settle();
    },
  };
}

/** The Amazon Connect adapter against its simulated instance (the gateway's own sandbox registration). */
export function amazonConnectFaultSandbox(): VendorFaultSandbox {
  const adapter = createSimulatedAmazonConnectAdapter();
  const simulator = () => {
    const running = adapter.simulator();
    if (!running) throw new IccError('vendor_unavailable', 'The Amazon Connect simulator is not started');
    return running;
  };
  return {
    vendor: 'amazon-connect',
    adapter,
    telephony: {
      behaviourSchema: SimulatedCustomerBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.setCustomerBehaviour(phoneNumber, SimulatedCustomerBehaviour.parse(behaviour)),
    },
    behaviour: (kind, afterSeconds) => (kind === 'answer' ? { kind, afterSeconds } : { kind }),
    controls() {
      const connect = simulator();
      return {
        failNextCalls: (fault) => connect.failNextCalls(fault),
        duplicateNextEvent: () => connect.delivery.duplicateNext(),
        reorderNextEvents: (count) => connect.delivery.reorderNext(count),
        loseEvents: () => connect.delivery.dropNext(1),
        delayNextEvent: (seconds) => connect.delivery.delayNext(1, seconds),
      };
    },
    settle: () => quiet(() => (adapter.simulator()?.busy() ?? 0) > 0),
  };
}
