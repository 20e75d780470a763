import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { POSTGRES_BIN_DIR, startThrowawayPostgres } from '@icc/store-postgres/testing';
import { runTaskInChild } from '../../process/run-task-in-child';
import { deriveLoad, describeDerivedLoad, loadLabel, type DerivedLoad } from '../../report/derived-load';
import type { MetricRow, MetricTarget } from '../../report/metric-row';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { planFanOutCalls } from '../fan-out/fan-out-setup';
import { startGateways } from './cluster-gateways';
import { measureFollowerFrames, type FollowerFramePhases, type FollowerFrames } from './follower-frames';
import { awaitIntakeBacklog, runSpreadIntake, type SpreadIntakeResult } from './spread-intake';

const NAME = '9 cluster';
/** Targets of issue 20 for this 2-core machine: the cluster costs little (it cannot scale on 2 cores). */
const MIN_INTAKE_RATIO_VS_ONE_GATEWAY = 0.8;
const FOLLOWER_P99_LIMIT_MS = 50;
/** Event → frame is paced at a quarter of the single PostgreSQL gateway's burst frames/s in this run, as in fan-out. */
const PACED_LOAD_FRACTION = 0.25;
const CLUSTER_SIZES = [1, 2, 3] as const;

interface Sizes {
  frames: FollowerFramePhases;
  intake: { connections: number; seconds: number; warmupSeconds: number };
  /** Fenced vs unfenced appends: the store-postgres workload at this size. */
  appends: { callbacks: number; concurrency: number; agents: number };
  tail: { samples: number; intervalMs: number };
}

interface Configuration {
  label: string;
  frames: FollowerFrames;
  intake: SpreadIntakeResult;
}

/** One configuration on a database of its own: its frames first (agents connected), then saturated intake spread over every gateway. */
async function measureConfiguration(
  context: ScenarioContext,
  storeUrl: string,
  count: number,
  cluster: boolean,
  sizes: Sizes,
  pacedLoad: DerivedLoad | ((framesPerSecond: number) => DerivedLoad),
): Promise<Configuration & { pacedLoad: DerivedLoad }> {
  const gateways = await startGateways(context, storeUrl, count, cluster, sizes.frames.agents);
  try {
    const calls = planFanOutCalls(sizes.frames.agents, Date.now() - 3_600_000);
    const frames = await measureFollowerFrames(context, gateways, calls, sizes.frames, pacedLoad);
    const { warmupSeconds, ...load } = sizes.intake;
    await runSpreadIntake(gateways.all, { ...load, seconds: warmupSeconds });
    await awaitIntakeBacklog(gateways.all);
    context.log(`cluster: ${gateways.label}: intake ${load.seconds} s saturated, ${load.connections} connections over ${gateways.all.length} gateway(s)`);
    const intake = await runSpreadIntake(gateways.all, load);
    return { label: gateways.label, frames, intake, pacedLoad: frames.pacedLoad };
  } finally {
    await gateways.stop();
  }
}

function comparisonRows(single: Configuration, clusters: Configuration[], pacedLabel: string, intakeLabel: string): MetricRow[] {
  const rows: MetricRow[] = [];
  const oneGateway = clusters[0] as Configuration;
  const versus = (metric: string, unit: string, pick: (configuration: Configuration) => number, load: string, targets: { vsOne?: MetricTarget; vsSingle?: MetricTarget } = {}) => {
    for (const [index, configuration] of clusters.entries()) {
      rows.push({ scenario: NAME, metric: `${metric}, ${configuration.label} vs single`, unit, ours: pick(configuration), baseline: pick(single), load, ...(index > 0 && targets.vsSingle ? { target: targets.vsSingle } : {}) });
      if (index > 0) rows.push({ scenario: NAME, metric: `${metric}, ${configuration.label} vs 1 gateway`, unit, ours: pick(configuration), baseline: pick(oneGateway), load, ...(targets.vsOne ? { target: targets.vsOne } : {}) });
    }
  };
  versus('intake created', 'req/s', (configuration) => configuration.intake.requestsPerSecond, intakeLabel, { vsOne: { minRatio: MIN_INTAKE_RATIO_VS_ONE_GATEWAY } });
  versus('intake p99', 'ms', (configuration) => configuration.intake.latencyP99Ms, intakeLabel);
  versus('event → frame p50', 'ms', (configuration) => configuration.frames.paced.latency.p50, pacedLabel);
  versus('event → frame p99', 'ms', (configuration) => configuration.frames.paced.latency.p99, pacedLabel, { vsSingle: { max: FOLLOWER_P99_LIMIT_MS } });
  const lost = (configuration: Configuration) => configuration.frames.paced.sent - configuration.frames.paced.received;
  rows.push(
    { scenario: NAME, metric: 'intake non-201 answers/errors, clusters vs single', unit: '', ours: clusters.reduce((sum, configuration) => sum + configuration.intake.failures, 0), baseline: single.intake.failures, target: { max: 1 }, load: intakeLabel },
    { scenario: NAME, metric: 'frames lost, clusters vs single', unit: '', ours: clusters.reduce((sum, configuration) => sum + lost(configuration), 0), baseline: lost(single), target: { max: 1 }, load: pacedLabel },
  );
  return rows;
}

export const clusterScenario: BenchScenario = {
  id: 'cluster',
  title: 'Cluster: 1, 2 and 3 gateways over one PostgreSQL vs one gateway on PostgreSQL, intake and follower event → frame; log tail; fenced appends',
  async run(context) {
    if (!existsSync(join(POSTGRES_BIN_DIR, 'initdb'))) {
      return { rows: [], details: {}, skipped: `PostgreSQL 15 binaries not found in ${POSTGRES_BIN_DIR} (apt-get install postgresql, or set ICC_PG_BIN)` };
    }
    const sizes: Sizes = context.quick
      ? {
          frames: { agents: 20, paced: { seconds: 1, deliverySize: 20 }, burst: { events: 200, deliverySize: 20, inFlight: 4 } },
          intake: { connections: 6, seconds: 2, warmupSeconds: 0.5 },
          appends: { callbacks: 32, concurrency: 16, agents: 20 },
          tail: { samples: 30, intervalMs: 10 },
        }
      : {
          // The burst's deliveries are as big as the paced phase's: on PostgreSQL a delivery's cost is mostly per append, not per event.
          frames: { agents: 300, paced: { seconds: 10, deliverySize: 20 }, burst: { events: 1_000, deliverySize: 20, inFlight: 4 } },
          // Few connections: intake on PostgreSQL answers tens of requests per second, so 64 in a closed loop would only measure their queue.
          intake: { connections: 12, seconds: 10, warmupSeconds: 3 },
          appends: { callbacks: 300, concurrency: 64, agents: 300 },
          tail: { samples: 500, intervalMs: 20 },
        };
    // One durable server (fsync, full_page_writes, synchronous_commit on) for every configuration, a database each.
    const server = await startThrowawayPostgres({ durable: true });
    context.defer(() => server.stop());
    context.log(`cluster: PostgreSQL on port ${server.port}; ${sizes.frames.agents} agents, intake ${sizes.intake.connections} connections`);

    const fromSingle = (framesPerSecond: number) =>
      deriveLoad(framesPerSecond, PACED_LOAD_FRACTION, 'events/s', `the single gateway on PostgreSQL (burst: ${sizes.frames.burst.inFlight} deliveries of ${sizes.frames.burst.deliverySize} in flight, ${sizes.frames.agents} sockets)`);
    const single = await measureConfiguration(context, await server.createDatabase('single'), 1, false, sizes, fromSingle);
    const clusters: Configuration[] = [];
    for (const count of CLUSTER_SIZES) clusters.push(await measureConfiguration(context, await server.createDatabase(`cluster_${count}`), count, true, sizes, single.pacedLoad));

    const tailInput = (url: string) => ({ url, ...sizes.tail, agents: 20 });
    const tail = await runTaskInChild('measureLogTail', tailInput(await server.createDatabase('log_tail')));
    const notify = await runTaskInChild('measureRawNotify', tailInput(await server.createDatabase('raw_notify')));
    const fenced = await runTaskInChild('measureFencedAppends', { ...sizes.appends, url: await server.createDatabase('fenced'), fenced: true });
    const unfenced = await runTaskInChild('measureFencedAppends', { ...sizes.appends, url: await server.createDatabase('unfenced'), fenced: false });

    const pacedLabel = loadLabel(single.pacedLoad);
    const intakeLabel = `saturated, ${sizes.intake.connections} conn.`;
    const tailLabel = `1 append / ${sizes.tail.intervalMs} ms`;
    const appendsLabel = `saturated, ${sizes.appends.concurrency} appenders`;
    return {
      rows: [
        ...comparisonRows(single, clusters, pacedLabel, intakeLabel),
        { scenario: NAME, metric: 'commit → log tail read p50 (vs bare NOTIFY)', unit: 'ms', ours: tail.latency.p50, baseline: notify.latency.p50, load: tailLabel },
        { scenario: NAME, metric: 'commit → log tail read p99 (vs bare NOTIFY)', unit: 'ms', ours: tail.latency.p99, baseline: notify.latency.p99, load: tailLabel },
        { scenario: NAME, metric: 'appends, fenced vs unfenced', unit: 'events/s', ours: fenced.eventsPerSecond, baseline: unfenced.eventsPerSecond, load: appendsLabel },
      ],
      loadDerivation:
        `configurations, each on a database of its own on one durable PostgreSQL 15: "single" = one gateway on PostgreSQL without ICC_CLUSTER; "N gateways" = N gateways with the cluster on (the first holds the ACD's lease, the others follow); ` +
        `event → frame: ${sizes.frames.agents} agents connected to the followers (round robin; to the only gateway when there is none), vendor deliveries of exactly ${sizes.frames.paced.deliverySize} posted to the owner, ${sizes.frames.paced.seconds} s paced at ${describeDerivedLoad(single.pacedLoad)}, the same rate for every configuration; ` +
        `intake: saturated, ${sizes.intake.connections} keep-alive connections split evenly over every gateway of the configuration, ${sizes.intake.seconds} s after ${sizes.intake.warmupSeconds} s warm-up and its backlog worked off (one more request per gateway answered), created/s summed, p99 of the worst gateway (a request unanswered after 10 s is a failure); ` +
        `log tail: ${sizes.tail.samples} appends one at a time, ${sizes.tail.intervalMs} ms apart, from the writer's acknowledged COMMIT to the tail's delivery (baseline: bare pg_notify → LISTEN, the same pacing); ` +
        `appends: the store-postgres workload, ${sizes.appends.callbacks} handled callbacks (${sizes.appends.callbacks * 7} events), ${sizes.appends.concurrency} appenders, through appendFenced (a live lease) vs append`,
      details: {
        sizes,
        targets: { intakeRatioVsOneGateway: `≥ ${MIN_INTAKE_RATIO_VS_ONE_GATEWAY}× for 2 and 3 gateways`, followerFrameP99: `< ${FOLLOWER_P99_LIMIT_MS} ms at the paced load` },
        pacedLoad: single.pacedLoad,
        single: { frames: single.frames, intake: single.intake },
        clusters,
        logTail: { ours: tail, bareNotify: notify },
        appends: { fenced, unfenced },
      },
    };
  },
};

