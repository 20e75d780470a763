import { benchAgentId } from '../../fixtures/bench-configuration';
import { childEntry } from '../../process/child-bundles';
import type { ChildMessage } from '../../process/child-message';
import { readChildMemory } from '../../process/child-memory';
import { requireOpenFiles } from '../../process/open-file-limit';
import { spawnBenchChild, type BenchChild } from '../../process/spawn-bench-child';
import { formatNumber } from '../../report/format-number';
import { summarizeLatencies, type LatencySummary } from '../../report/percentile';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { createProbeClock, helloFrame, openAgentSockets, type AgentSocketSet } from '../fan-out/agent-sockets';
import { devTokens } from '../fan-out/dev-tokens';
import { memoryGrowth, type MemoryGrowth } from './memory-growth';
import { runPacedPhase, type PacedPhase, type PhaseResult } from '../fan-out/fan-out-driver';
import { FAN_OUT_WEBHOOK_SECRET } from '../fan-out/fan-out-secrets';
import { planFanOutCalls, type FanOutCalls } from '../fan-out/fan-out-setup';
import { createWebhookPoster } from '../fan-out/webhook-poster';

const NAME = '8 connected agents';

interface AgentsSizes {
  agents: number;
  /** Agents per team queue: what one agent's snapshot lists. */
  teamSize: number;
  /** Sockets dialling (and saying hello) at once. */
  connectConcurrency: number;
  /** How long every agent gets one event per second. */
  eventSeconds: number;
}

interface SideResult {
  memory: MemoryGrowth;
  connectSeconds: number;
  helloToSnapshot: LatencySummary;
  events: PhaseResult;
}

const MEMORY_CHILD = { execArgv: ['--expose-gc'] };
/** A hello may wait behind thousands of others on a busy machine: the scenario reports how long, rather than giving up at 30 s. */
const READY_TIMEOUT_MS = 180_000;
/** Sockets of the two sides come from different loopback addresses, so neither waits for the other's ports to leave TIME_WAIT. */
const SOURCE_ADDRESS = { raw: '127.0.0.2', ours: '127.0.0.3' } as const;

/** Memory before and after every agent connected and sat idle, then one event per second for each. */
async function measureSide(context: ScenarioContext, who: 'raw' | 'ours', child: BenchChild, url: string, calls: FanOutCalls, sizes: AgentsSizes, hellos: readonly string[]): Promise<SideResult> {
  const poster = createWebhookPoster(url, FAN_OUT_WEBHOOK_SECRET);
  context.defer(() => poster.close());
  // Ours learns the calls from the vendor, as in production; the raw server was handed their views.
  if (who === 'ours') for (const delivery of calls.deliveries) await poster.post(delivery);
  const before = await readChildMemory(child);
  const clock = createProbeClock(sizes.agents * sizes.eventSeconds);
  const wsUrl = `${url.replace(/^http/, 'ws')}/v1/agent-stream`;
  const connecting = performance.now();
  const sockets: AgentSocketSet = await openAgentSockets(
    hellos.map((hello, index) => ({ url: who === 'raw' ? `${wsUrl}?agent=${benchAgentId(index)}` : wsUrl, hello, localAddress: SOURCE_ADDRESS[who] })),
    clock,
    sizes.connectConcurrency,
    READY_TIMEOUT_MS,
  );
  context.defer(() => sockets.close());
  const connectSeconds = (performance.now() - connecting) / 1000;
  context.log(`agents: ${who}: ${sizes.agents.toLocaleString('en-US')} agents connected in ${connectSeconds.toFixed(1)} s`);
  // Idle: let the connect burst's garbage and buffers settle before the figure is taken.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await readChildMemory(child);
  const phase: PacedPhase = { eventsPerSecond: sizes.agents, seconds: sizes.eventSeconds, deliverySize: 20, targets: 'in-turn' };
  context.log(`agents: ${who}: one event per second for each agent (${formatNumber(phase.eventsPerSecond)} events/s) for ${phase.seconds} s`);
  const events = await runPacedPhase({ interactions: calls.interactions, poster, sockets, clock }, phase, 0);
  const failures = poster.failures();
  if (failures.count > 0) throw new Error(`${who}: ${failures.count} deliveries refused, first: ${failures.first}`);
  if (sockets.closedEarly() > 0) throw new Error(`${who}: ${sockets.closedEarly()} sockets were closed by the server during the run`);
  sockets.close();
  poster.close();
  await child.stop();
  return { memory: memoryGrowth(before, after, sizes.agents), connectSeconds, helloToSnapshot: summarizeLatencies(sockets.readyMs), events };
}

async function startChild(context: ScenarioContext, role: string, entry: Parameters<typeof childEntry>[0], args: string[] = []) {
  const child = spawnBenchChild({ role, entry: await childEntry(entry), args, ...MEMORY_CHILD });
  context.defer(() => child.stop());
  return child;
}

export const agentsScenario: BenchScenario = {
  id: 'agents-10k',
  title: 'Connected agents: 10,000 agent streams idle, then one event per second each, vs a bare ws server holding as many sockets',
  async run(context) {
    const sizes: AgentsSizes = context.quick ? { agents: 200, teamSize: 100, connectConcurrency: 50, eventSeconds: 2 } : { agents: 10_000, teamSize: 100, connectConcurrency: 50, eventSeconds: 10 };
    // The harness holds every client socket and each server every server socket, plus files and pipes.
    requireOpenFiles(sizes.agents + 1000, `${sizes.agents.toLocaleString('en-US')} connected agents`);
    const calls = planFanOutCalls(sizes.agents, Date.now() - 3_600_000);

    const raw = await startChild(context, 'agents-raw-ws', 'scenarios/fan-out/raw-ws-child.ts');
    raw.send({ type: 'views', views: calls.views });
    const rawUrl = (await raw.next<ChildMessage & { url: string }>('ready')).url;
    const baseline = await measureSide(context, 'raw', raw, rawUrl, calls, sizes, Array.from({ length: sizes.agents }, () => JSON.stringify({ type: 'hello' })));

    const gateway = await startChild(context, 'agents-gateway', 'scenarios/fan-out/gateway-fan-out-child.ts', [context.tempDir('agents-gateway'), String(sizes.agents), String(sizes.teamSize)]);
    const gatewayUrl = (await gateway.next<ChildMessage & { url: string }>('ready', 600_000)).url;
    context.log(`agents: gateway: ${sizes.agents.toLocaleString('en-US')} agents seeded in teams of ${sizes.teamSize}; signing in`);
    const tokens = await devTokens(gatewayUrl, sizes.agents, 50);
    const ours = await measureSide(context, 'ours', gateway, gatewayUrl, calls, sizes, tokens.map(helloFrame));

    const idle = `${formatNumber(sizes.agents)} idle`;
    const connecting = `${formatNumber(sizes.agents)}, ${sizes.connectConcurrency} at a time`;
    const events = `${formatNumber(sizes.agents)} events/s`;
    const lost = (side: SideResult) => side.events.sent - side.events.received;
    return {
      rows: [
        { scenario: NAME, metric: 'memory per idle connection', unit: 'KB', ours: ours.memory.retainedKbPerConnection, baseline: baseline.memory.retainedKbPerConnection, target: { maxAboveBaseline: 10 }, load: idle },
        { scenario: NAME, metric: 'RSS growth per connection', unit: 'KB', ours: ours.memory.rssKbPerConnection, baseline: baseline.memory.rssKbPerConnection, load: idle },
        { scenario: NAME, metric: 'hello → snapshot p99', unit: 'ms', ours: ours.helloToSnapshot.p99, baseline: baseline.helloToSnapshot.p99, load: connecting },
        { scenario: NAME, metric: 'event → frame p99', unit: 'ms', ours: ours.events.latency.p99, baseline: baseline.events.latency.p99, load: events },
        { scenario: NAME, metric: 'event → frame p50', unit: 'ms', ours: ours.events.latency.p50, baseline: baseline.events.latency.p50, load: events },
        { scenario: NAME, metric: 'frames lost', unit: '', ours: lost(ours), baseline: lost(baseline), target: { max: 1 }, load: events },
      ],
      loadDerivation:
        `fixed by the scenario, the same for both: ${sizes.agents.toLocaleString('en-US')} sockets (ours: teams of ${sizes.teamSize}, one connected call each) dial ${sizes.connectConcurrency} at a time and say hello; ` +
        `memory is the server's heap + external after a full GC, before dialling and after 1 s idle, ÷ sockets; then ${sizes.eventSeconds} s of one event per second for every agent, in turn (${events}, sent as they fall due, deliveries of at most 20)`,
      details: { sizes, ours, baseline },
    };
  },
};
