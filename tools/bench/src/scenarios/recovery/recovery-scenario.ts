import { join } from 'node:path';
import { runTaskInChild } from '../../process/run-task-in-child';
import type { BenchScenario } from '../bench-scenario';
import { bundleGateway } from './bundle-gateway';
import type { RecoveryLogInput } from './generate-recovery-log';
import { timeGatewayUntilReady, timeOpenAndReadOneRow } from './time-until-ready';

const NAME = '6 recovery';

export const recoveryScenario: BenchScenario = {
  id: 'recovery',
  title: 'Recovery: gateway restart over a big event log, start → /readyz 200',
  async run(context) {
    const dataDir = join(context.tempDir('recovery'), 'data');
    const input: RecoveryLogInput = context.quick
      ? { dataDir, events: 10_000, openInteractions: 200, batchEvents: 5_000, agents: 20 }
      : { dataDir, events: 1_000_000, openInteractions: 10_000, batchEvents: 10_000, agents: 200 };
    context.log(`recovery: writing ${input.events.toLocaleString('en-US')} events (${input.openInteractions.toLocaleString('en-US')} open) through the store`);
    const [log, bundle] = await Promise.all([
      runTaskInChild('generateRecoveryLog', input, { timeoutMs: 900_000 }),
      bundleGateway(),
    ]);
    context.log(`recovery: ${log.events.toLocaleString('en-US')} events, ${Math.round(log.fileMb)} MB in ${log.generateSeconds.toFixed(1)} s; starting`);
    const baselineMs = await timeOpenAndReadOneRow(log.filePath);
    const oursMs = await timeGatewayUntilReady(bundle, dataDir);
    return {
      rows: [{ scenario: NAME, metric: `start → ready, ${log.events.toLocaleString('en-US')} events`, unit: 'ms', ours: oursMs, baseline: baselineMs, target: { max: 5000 } }],
      details: { input: { ...input, dataDir: undefined }, log: { ...log, filePath: undefined } },
    };
  },
};
