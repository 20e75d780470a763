import { createSimulatedAmazonConnectAdapter, SimulatedCustomerBehaviour } from '@icc/adapter-amazon-connect';
import { createGenesysSandboxAdapter, genesysSandboxCalls, GenesysSandboxCustomerBehaviour } from '@icc/adapter-genesys';
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
  /** Work items the vendor still holds open (it could still call a customer), when the simulator can tell. */
  openVendorWork?(): number;
}

const quiet = async (busy: () => boolean, turns = 8) => {
  for (let turn = 0, calm = 0; turn < 2000 && calm < turns; turn++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    calm = busy() ? 0 : calm + 1;
  }
};

/**
 * The Genesys adapter against its simulated org, as the gateway's sandbox registration runs it,
 * with the simulator's fault controls in reach. A lost event alternates between the socket
 * dropping (everything until the new channel is lost) and one notification that never arrives.
 */
export function genesysFaultSandbox(): VendorFaultSandbox {
  const adapter = createGenesysSandboxAdapter({ random: () => 0.5 });
  const started = () => {
    const sandbox = adapter.sandbox();
    if (!sandbox) throw new IccError('vendor_unavailable', 'The Genesys sandbox is not started');
    return sandbox;
  };
  let losses = 0;
  return {
    vendor: 'genesys',
    adapter,
    telephony: {
      behaviourSchema: GenesysSandboxCustomerBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.setCustomerBehaviour(phoneNumber, genesysSandboxCalls(behaviour)),
    },
    behaviour: (kind, afterSeconds) => (kind === 'answer' ? { kind, afterSeconds } : { kind }),
    controls() {
      const { simulator } = started();
      return {
        failNextCalls: (fault) => simulator.controls.failNextVendorCalls(fault),
        duplicateNextEvent: () => simulator.controls.duplicateNextVendorEvent(),
        reorderNextEvents: (count) => simulator.controls.reorderNextVendorEvents(count),
        loseEvents: () => (losses++ % 2 === 0 ? simulator.dropConnections() : simulator.loseNextNotification()),
        delayNextEvent: (seconds) => simulator.delayNextNotification(seconds),
      };
    },
    settle: async () => {
      await adapter.sandbox()?.settle();
    },
    openVendorWork: () => started().simulator.openConversations(),
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
