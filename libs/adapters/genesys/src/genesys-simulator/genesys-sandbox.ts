import type { Clock } from '@icc/core';
import type { Agent, QueueConfig } from '@icc/protocol';
import { createGenesysAdapter, type GenesysAdapter, type GenesysAdapterOptions } from '../genesys-adapter';
import type { GenesysAdapterConfigInput } from '../genesys-config';
import { createGenesysSimulator, type GenesysSimulator } from './genesys-simulator';
import { seedGenesysSimulator } from './seed-genesys-simulator';
import type { SimCustomerBehaviour } from './simulator-telephony';

export interface GenesysSandboxOptions {
  clock: Clock;
  queues: readonly QueueConfig[];
  agents: readonly Agent[];
  defaultCustomerBehaviour?: SimCustomerBehaviour;
  onUnhandledRequest?: 'error' | 'bypass';
  config?: Partial<GenesysAdapterConfigInput>;
  adapterOptions?: GenesysAdapterOptions;
  tokenLifetimeSeconds?: number;
  channelLifetimeSeconds?: number;
}

/** A simulated org seeded like the ICC configuration, and an adapter (not started) pointed at it. */
export interface GenesysSandbox {
  simulator: GenesysSimulator;
  adapter: GenesysAdapter;
  /** The adapter's configuration: another adapter built from it reaches the same org (a restart). */
  config: GenesysAdapterConfigInput;
  /** Resolves once every notification the simulator pushed has been applied by the adapter. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const QUIET_TURNS = 10;
const MAX_TURNS = 2000;

export async function createGenesysSandbox(options: GenesysSandboxOptions): Promise<GenesysSandbox> {
  const org = seedGenesysSimulator(options.queues, options.agents);
  const simulator = createGenesysSimulator({
    clock: options.clock,
    queues: org.queues,
    users: org.users,
    ...(options.defaultCustomerBehaviour ? { defaultCustomerBehaviour: options.defaultCustomerBehaviour } : {}),
    ...(options.onUnhandledRequest ? { onUnhandledRequest: options.onUnhandledRequest } : {}),
    ...(options.tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
    ...(options.channelLifetimeSeconds !== undefined ? { channelLifetimeSeconds: options.channelLifetimeSeconds } : {}),
  });
  await simulator.listen();
  const config: GenesysAdapterConfigInput = {
    baseUrl: simulator.baseUrl,
    authUrl: simulator.authUrl,
    clientId: 'sandbox-client',
    clientSecret: 'sandbox-secret',
    queueMap: org.queueMap,
    userMap: org.userMap,
    ...(org.users[0] ? { rescheduleUserId: org.users[0].id } : {}),
    ...options.config,
  };
  const adapter = createGenesysAdapter(config, { random: () => 0.5, ...options.adapterOptions });
  return {
    simulator,
    adapter,
    config,
    async settle() {
      // Socket frames and msw answers need real event-loop turns, never fake time: poll until quiet.
      for (let turn = 0, quiet = 0; turn < MAX_TURNS && quiet < QUIET_TURNS; turn++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        const diagnostics = adapter.diagnostics();
        const channel = diagnostics.channel;
        const unread = channel?.connected === true ? simulator.framesSent() > channel.receivedOnSocket : simulator.controls.openConnections() > 0;
        quiet = unread || diagnostics.pending > 0 ? 0 : quiet + 1;
      }
    },
    close: () => simulator.close(),
  };
}
