import { startConformanceRun, type ConformanceRun } from '@icc/adapter-kit/conformance';
import { AMAZON_CONNECT_CAPABILITIES } from '../connect-capabilities';
import { createAmazonConnectBench, type AmazonConnectBench } from './amazon-connect-harness';

export interface ConnectConformanceRun {
  run: ConformanceRun;
  /** The simulated Connect behind the run, for a test to drive and inspect. */
  bench: AmazonConnectBench;
}

/** A conformance run against a fresh simulated Connect and its adapter (the set-up every Connect test repeats). */
export async function startConnectConformanceRun(): Promise<ConnectConformanceRun> {
  let bench: AmazonConnectBench | undefined;
  const run = await startConformanceRun({
    capabilities: AMAZON_CONNECT_CAPABILITIES,
    createHarness: (world) => (bench = createAmazonConnectBench({ clock: world.clock, queues: world.queueList, agents: world.agentList })),
  });
  return { run, bench: bench as AmazonConnectBench };
}
