import { performance } from 'node:perf_hooks';
import { benchAgentId } from '../../fixtures/bench-configuration';
import { deriveLoad, describeDerivedLoad, loadLabel, type DerivedLoad } from '../../report/derived-load';
import type { LatencySummary } from '../../report/percentile';
import { formatNumber } from '../../report/format-number';
import { searchSaturation, type SaturationSearch } from '../../report/saturation-search';
import { childEntry, type ChildEntry } from '../../process/child-bundles';
import { logSyncWindow } from '../../process/child-log-syncs';
import type { ChildMessage } from '../../process/child-message';
import { spawnBenchChild, type BenchChild } from '../../process/spawn-bench-child';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { createProbeClock, helloFrame, openAgentSockets, type AgentSocketSet, type ProbeClock } from './agent-sockets';
import { runBurstPhase, runPacedPhase, type BurstPhase, type PhaseResult } from './fan-out-driver';
import { FAN_OUT_WEBHOOK_SECRET } from './fan-out-secrets';
import { planFanOutCalls, type FanOutCalls } from './fan-out-setup';
import { devTokens } from './dev-tokens';
import { createWebhookPoster } from './webhook-poster';

const NAME = '2 fan-out';
const CONNECT_CONCURRENCY = 25;
/**
 * The paced phase runs at 25 % of the raw ws server's throughput measured in this run: half of the
 * throughput target (0.50×), so a gateway that just meets it is at half its capacity there.
 */
const PACED_LOAD_FRACTION = 0.25;
const P99_LIMIT_MS = 10;

interface FanOutSizes {
  agents: number;
  paced: { seconds: number; deliverySize: number };
  burst: BurstPhase;
  /** Ours's saturation point: paced runs in all (the paced phase first) and the length of the others. */
  search: { steps: number; seconds: number };
}

interface SideResult {
  connectSeconds: number;
  paced: PhaseResult;
  burst: PhaseResult;
  pacedLoad: DerivedLoad;
  /** Ours only: the highest rate (down to 1/64 of the paced one) at which p99 stayed under the limit. */
  search?: SaturationSearch;
  /** Ours only: the syncs of the gateway's log during the paced phase (ms), and the log file's size at its end. */
  pacedLogSyncs?: LatencySummary;
  pacedLogBytes?: number;
}

/** The baseline derives its paced rate from its own burst; ours is given the baseline's. */
type PacedLoad = DerivedLoad | ((burstFramesPerSecond: number) => DerivedLoad);

async function startChild(context: ScenarioContext, role: string, entry: ChildEntry, args: string[]): Promise<{ child: BenchChild; url: string }> {
  const child = spawnBenchChild({ role, entry: await childEntry(entry), args });
  context.defer(() => child.stop());
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  return { child, url };
}

/**
 * Optionally puts every call in `connected` (ours only: the raw server has its views already), then
 * both phases. The baseline needs its burst throughput before it can pace; ours paces first, so its
 * latency is not taken right behind a burst.
 */
async function drive(
  context: ScenarioContext,
  who: string,
  url: string,
  calls: FanOutCalls,
  sockets: AgentSocketSet,
  clock: ProbeClock,
  sizes: FanOutSizes,
  setup: boolean,
  pacedLoad: PacedLoad,
  logSyncs?: ReturnType<typeof logSyncWindow>,
): Promise<Omit<SideResult, 'connectSeconds'>> {
  const poster = createWebhookPoster(url, FAN_OUT_WEBHOOK_SECRET);
  try {
    if (setup) for (const delivery of calls.deliveries) await poster.post(delivery);
    const targets = { interactions: calls.interactions, poster, sockets, clock };
    let probes = 0;
    const paced = async (load: DerivedLoad) => {
      context.log(`fan-out: ${who}: paced at ${describeDerivedLoad(load)}, ${sizes.paced.seconds} s to ${sizes.agents} sockets`);
      const result = await runPacedPhase(targets, { ...sizes.paced, eventsPerSecond: load.rate }, probes);
      probes += result.sent;
      return result;
    };
    const burst = async () => {
      context.log(`fan-out: ${who}: burst of ${sizes.burst.events} events`);
      const result = await runBurstPhase(targets, sizes.burst, probes);
      probes += result.sent;
      return result;
    };
    let result: Omit<SideResult, 'connectSeconds'>;
    if (typeof pacedLoad === 'function') {
      const burstResult = await burst();
      const load = pacedLoad(burstResult.framesPerSecond);
      result = { burst: burstResult, pacedLoad: load, paced: await paced(load) };
    } else {
      logSyncs?.start();
      const pacedResult = await paced(pacedLoad);
      const pacedLog = await logSyncs?.read();
      const search = await searchSaturation(
        async (rate) => {
          if (rate === pacedLoad.rate) return pacedResult.latency.p99;
          context.log(`fan-out: ${who}: search, ${formatNumber(rate)} events/s for ${sizes.search.seconds} s`);
          const probe = await runPacedPhase(targets, { ...sizes.paced, seconds: sizes.search.seconds, eventsPerSecond: rate }, probes);
          probes += probe.sent;
          return probe.latency.p99;
        },
        { high: pacedLoad.rate, low: pacedLoad.rate / 64, limit: P99_LIMIT_MS, steps: sizes.search.steps },
      );
      const log = pacedLog ? { pacedLogSyncs: pacedLog.syncs, pacedLogBytes: pacedLog.logBytes } : {};
      result = { paced: pacedResult, pacedLoad, search, burst: await burst(), ...log };
    }
    const failures = poster.failures();
    if (failures.count > 0) throw new Error(`${who}: ${failures.count} deliveries refused, first: ${failures.first}`);
    if (sockets.closedEarly() > 0) throw new Error(`${who}: ${sockets.closedEarly()} sockets were closed by the server during the run`);
    return result;
  } finally {
    poster.close();
  }
}

async function measureGateway(context: ScenarioContext, sizes: FanOutSizes, calls: FanOutCalls, pacedLoad: DerivedLoad): Promise<SideResult> {
  const { child, url } = await startChild(context, 'fan-out-gateway', 'scenarios/fan-out/gateway-fan-out-child.ts', [context.tempDir('fan-out-gateway'), String(sizes.agents)]);
  const tokens = await devTokens(url, sizes.agents);
  const clock = createProbeClock(sizes.burst.events);
  const connecting = performance.now();
  const wsUrl = `${url.replace(/^http/, 'ws')}/v1/agent-stream`;
  const sockets = await openAgentSockets(tokens.map((token) => ({ url: wsUrl, hello: helloFrame(token) })), clock, CONNECT_CONCURRENCY);
  context.defer(() => sockets.close());
  const connectSeconds = (performance.now() - connecting) / 1000;
  context.log(`fan-out: gateway: ${sizes.agents} agent streams live in ${connectSeconds.toFixed(1)} s`);
  const result = await drive(context, 'gateway', url, calls, sockets, clock, sizes, true, pacedLoad, logSyncWindow(child));
  sockets.close();
  await child.stop();
  return { connectSeconds, ...result };
}

async function measureRawWs(context: ScenarioContext, sizes: FanOutSizes, calls: FanOutCalls): Promise<SideResult> {
  const child = spawnBenchChild({ role: 'fan-out-raw-ws', entry: await childEntry('scenarios/fan-out/raw-ws-child.ts') });
  context.defer(() => child.stop());
  child.send({ type: 'views', views: calls.views });
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  const clock = createProbeClock(sizes.burst.events);
  const connecting = performance.now();
  const wsUrl = `${url.replace(/^http/, 'ws')}/v1/agent-stream`;
  const sockets = await openAgentSockets(
    Array.from({ length: sizes.agents }, (_, index) => ({ url: `${wsUrl}?agent=${benchAgentId(index)}` })),
    clock,
    CONNECT_CONCURRENCY,
  );
  context.defer(() => sockets.close());
  const connectSeconds = (performance.now() - connecting) / 1000;
  const fromBurst = (framesPerSecond: number) =>
    deriveLoad(framesPerSecond, PACED_LOAD_FRACTION, 'events/s', `the raw ws server (burst: ${sizes.burst.inFlight} deliveries of ${sizes.burst.deliverySize} in flight, ${sizes.agents} sockets)`);
  const result = await drive(context, 'raw ws', url, calls, sockets, clock, sizes, false, fromBurst);
  sockets.close();
  await child.stop();
  return { connectSeconds, ...result };
}

export const fanOutScenario: BenchScenario = {
  id: 'fan-out',
  title: 'Fan-out: vendor webhook events to authenticated agent WebSockets vs a bare ws server',
  async run(context) {
    const sizes: FanOutSizes = context.quick
      ? { agents: 50, paced: { seconds: 0.5, deliverySize: 20 }, burst: { events: 1000, deliverySize: 100, inFlight: 4 }, search: { steps: 3, seconds: 0.5 } }
      : { agents: 1000, paced: { seconds: 10, deliverySize: 20 }, burst: { events: 20_000, deliverySize: 100, inFlight: 4 }, search: { steps: 5, seconds: 3 } };
    const calls = planFanOutCalls(sizes.agents, Date.now() - 3_600_000);
    const baseline = await measureRawWs(context, sizes, calls);
    const ours = await measureGateway(context, sizes, calls, baseline.pacedLoad);
    const lost = (side: SideResult) => side.paced.sent - side.paced.received + side.burst.sent - side.burst.received;
    const paced = loadLabel(baseline.pacedLoad);
    const burst = `burst ${sizes.burst.inFlight}×${sizes.burst.deliverySize}`;
    return {
      rows: [
        { scenario: NAME, metric: 'ingest → frame p50', unit: 'ms', ours: ours.paced.latency.p50, baseline: baseline.paced.latency.p50, target: { max: 2 }, load: paced },
        { scenario: NAME, metric: 'ingest → frame p99', unit: 'ms', ours: ours.paced.latency.p99, baseline: baseline.paced.latency.p99, target: { max: P99_LIMIT_MS }, load: paced },
        { scenario: NAME, metric: `rate held at p99 < ${P99_LIMIT_MS} ms`, unit: 'events/s', ours: ours.search?.rate ?? 0, baseline: null, load: `search ≤ ${paced}` },
        // What every acknowledgement (and so every frame) of ours waits for, and the raw server never does.
        { scenario: NAME, metric: 'log fdatasync p50 (ours only)', unit: 'ms', ours: ours.pacedLogSyncs?.p50 ?? Number.NaN, baseline: null, load: paced },
        { scenario: NAME, metric: 'log fdatasync p99 (ours only)', unit: 'ms', ours: ours.pacedLogSyncs?.p99 ?? Number.NaN, baseline: null, load: paced },
        // Under steady writes the store restarts its log from 16 MB on (libs/store-sqlite/README.md); before that it grew by every byte written.
        { scenario: NAME, metric: 'log file at the end (ours only)', unit: 'MB', ours: (ours.pacedLogBytes ?? Number.NaN) / 1e6, baseline: null, load: paced },
        { scenario: NAME, metric: `throughput, ${sizes.agents} sockets`, unit: 'frames/s', ours: ours.burst.framesPerSecond, baseline: baseline.burst.framesPerSecond, target: { minRatio: 0.5 }, load: burst },
        { scenario: NAME, metric: 'frames lost', unit: '', ours: lost(ours), baseline: lost(baseline), target: { max: 1 }, load: 'both phases' },
      ],
      loadDerivation:
        `throughput: both servers take ${sizes.burst.events.toLocaleString('en-US')} events as fast as they can, ${sizes.burst.inFlight} deliveries of ${sizes.burst.deliverySize} in flight; ` +
        `latency: ${sizes.paced.seconds} s paced at ${describeDerivedLoad(baseline.pacedLoad)}, sent as they fall due (2 ms ticks) in deliveries of at most ${sizes.paced.deliverySize}, the same rate for both; ` +
        `rate held: ours's saturation point, the highest rate whose p99 stayed under ${P99_LIMIT_MS} ms in a search of ${sizes.search.steps} paced runs (the paced phase, then ${sizes.search.seconds} s each, down to 1/64 of it; 0: none held)`,
      details: { sizes, pacedLoad: baseline.pacedLoad, ours, baseline },
    };
  },
};
