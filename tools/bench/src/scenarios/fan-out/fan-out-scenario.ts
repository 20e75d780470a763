import { performance } from 'node:perf_hooks';
import { benchAgentId } from '../../fixtures/bench-configuration';
import { childEntry, type ChildEntry } from '../../process/child-bundles';
import type { ChildMessage } from '../../process/child-message';
import { spawnBenchChild, type BenchChild } from '../../process/spawn-bench-child';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { createProbeClock, helloFrame, openAgentSockets, type AgentSocketSet, type ProbeClock } from './agent-sockets';
import { runBurstPhase, runPacedPhase, type BurstPhase, type PacedPhase, type PhaseResult } from './fan-out-driver';
import { FAN_OUT_WEBHOOK_SECRET } from './fan-out-secrets';
import { planFanOutCalls, type FanOutCalls } from './fan-out-setup';
import { createWebhookPoster } from './webhook-poster';

const NAME = '2 fan-out';
const CONNECT_CONCURRENCY = 25;

interface FanOutSizes {
  agents: number;
  paced: PacedPhase;
  burst: BurstPhase;
}

interface SideResult {
  connectSeconds: number;
  paced: PhaseResult;
  burst: PhaseResult;
}

async function startChild(context: ScenarioContext, role: string, entry: ChildEntry, args: string[]): Promise<{ child: BenchChild; url: string }> {
  const child = spawnBenchChild({ role, entry: await childEntry(entry), args });
  context.defer(() => child.stop());
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  return { child, url };
}

async function devTokens(url: string, agents: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let first = 0; first < agents; first += 20) {
    const batch = Array.from({ length: Math.min(20, agents - first) }, async (_, offset) => {
      const response = await fetch(`${url}/v1/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentId: benchAgentId(first + offset) }),
      });
      if (!response.ok) throw new Error(`dev token for ${benchAgentId(first + offset)}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

/** Optionally puts every call in `connected` (ours only: the raw server has its views already), then both phases. */
async function drive(
  context: ScenarioContext,
  who: string,
  url: string,
  calls: FanOutCalls,
  sockets: AgentSocketSet,
  clock: ProbeClock,
  sizes: FanOutSizes,
  setup: boolean,
): Promise<Omit<SideResult, 'connectSeconds'>> {
  const poster = createWebhookPoster(url, FAN_OUT_WEBHOOK_SECRET);
  try {
    if (setup) for (const delivery of calls.deliveries) await poster.post(delivery);
    const targets = { interactions: calls.interactions, poster, sockets, clock };
    context.log(`fan-out: ${who}: ${sizes.paced.eventsPerSecond}/s for ${sizes.paced.seconds} s to ${sizes.agents} sockets`);
    const paced = await runPacedPhase(targets, sizes.paced, 0);
    context.log(`fan-out: ${who}: burst of ${sizes.burst.events} events`);
    const burst = await runBurstPhase(targets, sizes.burst, paced.sent);
    const failures = poster.failures();
    if (failures.count > 0) throw new Error(`${who}: ${failures.count} deliveries refused, first: ${failures.first}`);
    if (sockets.closedEarly() > 0) throw new Error(`${who}: ${sockets.closedEarly()} sockets were closed by the server during the run`);
    return { paced, burst };
  } finally {
    poster.close();
  }
}

async function measureGateway(context: ScenarioContext, sizes: FanOutSizes, calls: FanOutCalls): Promise<SideResult> {
  const { child, url } = await startChild(context, 'fan-out-gateway', 'scenarios/fan-out/gateway-fan-out-child.ts', [context.tempDir('fan-out-gateway'), String(sizes.agents)]);
  const tokens = await devTokens(url, sizes.agents);
  const clock = createProbeClock(probeCount(sizes));
  const connecting = performance.now();
  const wsUrl = `${url.replace(/^http/, 'ws')}/v1/agent-stream`;
  const sockets = await openAgentSockets(tokens.map((token) => ({ url: wsUrl, hello: helloFrame(token) })), clock, CONNECT_CONCURRENCY);
  context.defer(() => sockets.close());
  const connectSeconds = (performance.now() - connecting) / 1000;
  context.log(`fan-out: gateway: ${sizes.agents} agent streams live in ${connectSeconds.toFixed(1)} s`);
  const result = await drive(context, 'gateway', url, calls, sockets, clock, sizes, true);
  sockets.close();
  await child.stop();
  return { connectSeconds, ...result };
}

async function measureRawWs(context: ScenarioContext, sizes: FanOutSizes, calls: FanOutCalls): Promise<SideResult> {
  const child = spawnBenchChild({ role: 'fan-out-raw-ws', entry: await childEntry('scenarios/fan-out/raw-ws-child.ts') });
  context.defer(() => child.stop());
  child.send({ type: 'views', views: calls.views });
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  const clock = createProbeClock(probeCount(sizes));
  const connecting = performance.now();
  const wsUrl = `${url.replace(/^http/, 'ws')}/v1/agent-stream`;
  const sockets = await openAgentSockets(
    Array.from({ length: sizes.agents }, (_, index) => ({ url: `${wsUrl}?agent=${benchAgentId(index)}` })),
    clock,
    CONNECT_CONCURRENCY,
  );
  context.defer(() => sockets.close());
  const connectSeconds = (performance.now() - connecting) / 1000;
  const result = await drive(context, 'raw ws', url, calls, sockets, clock, sizes, false);
  sockets.close();
  await child.stop();
  return { connectSeconds, ...result };
}

const probeCount = (sizes: FanOutSizes) => Math.round(sizes.paced.eventsPerSecond * sizes.paced.seconds) + sizes.burst.events;

export const fanOutScenario: BenchScenario = {
  id: 'fan-out',
  title: 'Fan-out: vendor webhook events to authenticated agent WebSockets vs a bare ws server',
  async run(context) {
    const sizes: FanOutSizes = context.quick
      ? { agents: 50, paced: { eventsPerSecond: 2000, seconds: 0.5, deliverySize: 20 }, burst: { events: 1000, deliverySize: 100, inFlight: 4 } }
      : { agents: 1000, paced: { eventsPerSecond: 2000, seconds: 10, deliverySize: 20 }, burst: { events: 20_000, deliverySize: 100, inFlight: 4 } };
    const calls = planFanOutCalls(sizes.agents, Date.now() - 3_600_000);
    const baseline = await measureRawWs(context, sizes, calls);
    const ours = await measureGateway(context, sizes, calls);
    const lost = (side: SideResult) => side.paced.sent - side.paced.received + side.burst.sent - side.burst.received;
    return {
      rows: [
        { scenario: NAME, metric: `ingest → frame p50 @ ${sizes.paced.eventsPerSecond}/s`, unit: 'ms', ours: ours.paced.latency.p50, baseline: baseline.paced.latency.p50, target: { max: 2 } },
        { scenario: NAME, metric: `ingest → frame p99 @ ${sizes.paced.eventsPerSecond}/s`, unit: 'ms', ours: ours.paced.latency.p99, baseline: baseline.paced.latency.p99, target: { max: 10 } },
        { scenario: NAME, metric: `throughput, ${sizes.agents} sockets`, unit: 'frames/s', ours: ours.burst.framesPerSecond, baseline: baseline.burst.framesPerSecond, target: { minRatio: 0.5 } },
        { scenario: NAME, metric: 'frames lost', unit: '', ours: lost(ours), baseline: lost(baseline), target: { max: 1 } },
      ],
      details: { sizes, ours, baseline },
    };
  },
};
