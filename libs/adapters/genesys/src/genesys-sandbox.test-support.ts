import { createConformanceWorld, createRecordingLogger, createRecordingSink, type ConformanceWorld, type RecordingLogger, type RecordingSink } from '@icc/adapter-kit';
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
