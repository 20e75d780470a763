import { createConformanceWorld, createRecordingLogger, createRecordingSink, type ConformanceWorld, type RecordingLogger, type RecordingSink } from '@icc/adapter-kit/conformance';
import type { NewCallbackIdentity } from '@icc/core';
import { createGenesysSandbox, type GenesysSandbox, type GenesysSandboxOptions } from './create-genesys-sandbox';

export interface StartedSandbox extends GenesysSandbox {
  world: ConformanceWorld;
  sink: RecordingSink;
  logger: RecordingLogger;
  /** Stops the adapter and closes the simulator (call it in `afterEach`). */
  shutdown(): Promise<void>;
}

/** The conformance world's queues and agents, a simulated org seeded from them, and the adapter started on it. */
export async function startSandbox(options: Partial<GenesysSandboxOptions> = {}): Promise<StartedSandbox> {
  const world = createConformanceWorld();
  const sink = createRecordingSink();
  const logger = createRecordingLogger();
  const sandbox = await createGenesysSandbox({ clock: world.clock, queues: world.queueList, agents: world.agentList, ...options });
  await sandbox.adapter.start({
    sink,
    clock: world.clock,
    logger,
    queues: world.queueList,
    agents: world.agentList,
    openInteractions: [],
    getCallback: (callbackId) => sink.callback(callbackId),
  });
  await sandbox.settle();
  return {
    ...sandbox,
    world,
    sink,
    logger,
    async shutdown() {
      try {
        await sandbox.adapter.stop();
      } finally {
        await sandbox.close();
      }
    },
  };
}

/** Maya's ASAP callback in the agent-first manual queue, as `ids` (callback `cb-<n>`, interaction `ix-<n>` by default). */
export function requestExampleCallback(sandbox: StartedSandbox, n = 1, ids: Partial<NewCallbackIdentity> = {}) {
  const { world } = sandbox;
  return sandbox.adapter.requestCallback(
    {
      queueId: world.queues.manual.id,
      customer: { firstName: 'Maya', lastName: 'Lindqvist', phoneNumbers: [world.phoneNumbers.primary], timeZone: 'America/Los_Angeles', locale: 'en-US' },
      reason: { code: 'product-issue' },
      shortDescription: 'Router keeps dropping the connection',
      ivrPath: [],
      attributes: {},
      schedule: { type: 'asap' },
      source: 'api',
    },
    { callbackId: `cb-${n}`, interactionId: `ix-${n}`, number: `CB${String(n).padStart(7, '0')}`, ...ids },
  );
}
