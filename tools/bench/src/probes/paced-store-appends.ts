/**
 * A probe, not a scenario (no baseline, no target): the embedded store under a steady append rate,
 * the shape a gateway sees, where the store scenario appends as fast as acknowledgements come back.
 * Prints the log file's size each second, the syncs' and appends' latencies and the event loop's
 * delay. The appends are the store scenario's handled callbacks (six appends, seven events each).
 *
 *   node --import tsx tools/bench/src/probes/paced-store-appends.ts [appends/s] [seconds] [logRestartFrames]
 *
 * Defaults: 3,000 appends/s for 10 s, the store's default restart length.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { seedBenchConfiguration } from '../fixtures/bench-configuration';
import { formatNumber } from '../report/format-number';
import { callbackAppends } from '../scenarios/store/store-workload';
import { describeLatencies } from './describe-latencies';

const AGENTS = 100;
const TICK_MS = 2;

async function probe(appendsPerSecond: number, seconds: number, logRestartFrames: number | undefined): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icc-probe-store-'));
  const store = createSqliteEventStore({ dataDir, ...(logRestartFrames === undefined ? {} : { logRestartFrames }) });
  try {
    await seedBenchConfiguration(store, AGENTS);
    const perTick = Math.max(1, Math.round((appendsPerSecond * TICK_MS) / 1000));
    const appends = callbackAppends({ callbacks: Math.ceil((appendsPerSecond * seconds) / 6) + 1, agents: AGENTS }).flat();
    const syncs: number[] = [];
    store.onLogSynced((syncSeconds) => syncs.push(syncSeconds * 1000));
    const appendLatencies: number[] = [];
    const logMegabytes: string[] = [];
    const sampleLog = setInterval(() => logMegabytes.push(formatNumber(store.logFileBytes() / 1e6)), 1000);
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const started = performance.now();
    const acknowledged: Promise<unknown>[] = [];
    let next = 0;
    while (performance.now() - started < seconds * 1000 && next < appends.length) {
      for (let sent = 0; sent < perTick && next < appends.length; sent++) {
        const sentAt = performance.now();
        acknowledged.push(store.append(appends[next++] ?? []).then(() => appendLatencies.push(performance.now() - sentAt)));
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await Promise.all(acknowledged);
    clearInterval(sampleLog);
    loopDelay.disable();
    const stats = store.stats();
    console.log(`${formatNumber(next)} appends in ${seconds} s (${formatNumber(appendsPerSecond)}/s asked)`);
    console.log(`log file, MB each second: ${logMegabytes.join(' ')}`);
    console.log(`log restarts ${stats.logRestarts}, checkpoints ${stats.checkpoints}, syncs ${stats.syncs}, commits ${stats.commits}`);
    console.log(`sync ${describeLatencies(syncs)}`);
    console.log(`append ${describeLatencies(appendLatencies)}`);
    console.log(`event loop delay p99 ${formatNumber(loopDelay.percentile(99) / 1e6)} ms`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const [rate = '3000', seconds = '10', restartFrames] = process.argv.slice(2);
void probe(Number(rate), Number(seconds), restartFrames === undefined ? undefined : Number(restartFrames));
