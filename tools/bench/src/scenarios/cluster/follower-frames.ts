import { performance } from 'node:perf_hooks';
import type { DerivedLoad } from '../../report/derived-load';
import type { ScenarioContext } from '../bench-scenario';
import { createProbeClock, helloFrame, openAgentSockets } from '../fan-out/agent-sockets';
import { devTokens } from '../fan-out/dev-tokens';
import { runBurstPhase, runPacedPhase, type BurstPhase, type PhaseResult } from '../fan-out/fan-out-driver';
import { FAN_OUT_WEBHOOK_SECRET } from '../fan-out/fan-out-secrets';
import type { FanOutCalls } from '../fan-out/fan-out-setup';
import { createWebhookPoster } from '../fan-out/webhook-poster';
import type { RunningGateways } from './cluster-gateways';

export interface FollowerFramePhases {
  agents: number;
  paced: { seconds: number; deliverySize: number };
  burst: BurstPhase;
}

export interface FollowerFrames {
  /** Where the agents were connected: the followers, or the only gateway when there is none. */
  socketsOn: 'followers' | 'owner';
  connectSeconds: number;
  paced: PhaseResult;
  /** Only when asked for (the configuration the paced load is derived from). */
  burst?: PhaseResult;
}

const CONNECT_CONCURRENCY = 25;

/**
 * Vendor events posted to the owner (the gateway whose ACD appends them, fenced), received as frames
 * by agents connected to the followers: commit → NOTIFY → the follower's log tail reads the log →
 * its hub → the agent's socket. Without followers the agents sit on the owner (the in-process path).
 * `pacedLoad` given: paced only; a function: a burst first, its frames/s give the paced rate.
 */
export async function measureFollowerFrames(
  context: ScenarioContext,
  gateways: RunningGateways,
  calls: FanOutCalls,
  phases: FollowerFramePhases,
  pacedLoad: DerivedLoad | ((burstFramesPerSecond: number) => DerivedLoad),
): Promise<FollowerFrames & { pacedLoad: DerivedLoad }> {
  const socketHosts = gateways.followers.length > 0 ? gateways.followers : [gateways.owner];
  const tokens = await devTokens(gateways.owner, phases.agents);
  const clock = createProbeClock(phases.burst.events);
  const connecting = performance.now();
  const sockets = await openAgentSockets(
    tokens.map((token, index) => ({ url: `${(socketHosts[index % socketHosts.length] as string).replace(/^http/, 'ws')}/v1/agent-stream`, hello: helloFrame(token) })),
    clock,
    CONNECT_CONCURRENCY,
  );
  context.defer(() => sockets.close());
  const connectSeconds = (performance.now() - connecting) / 1000;
  const poster = createWebhookPoster(gateways.owner, FAN_OUT_WEBHOOK_SECRET);
  try {
    for (const delivery of calls.deliveries) await poster.post(delivery);
    // Every follower must know the calls (from the log) before a probe addresses them.
    await gateways.caughtUp();
    const targets = { interactions: calls.interactions, poster, sockets, clock };
    let burst: PhaseResult | undefined;
    let load: DerivedLoad;
    if (typeof pacedLoad === 'function') {
      context.log(`cluster: ${gateways.label}: burst of ${phases.burst.events} events`);
      burst = await runBurstPhase(targets, phases.burst, 0);
      load = pacedLoad(burst.framesPerSecond);
    } else load = pacedLoad;
    context.log(`cluster: ${gateways.label}: paced at ${load.rate} events/s for ${phases.paced.seconds} s, agents on the ${socketHosts.length === 1 && gateways.followers.length === 0 ? 'owner' : 'followers'}`);
    // Whole deliveries, as big as the burst's the rate is derived from: on PostgreSQL a delivery costs mostly per append.
    const paced = await runPacedPhase(targets, { ...phases.paced, eventsPerSecond: load.rate, batching: 'whole' }, burst?.sent ?? 0);
    const failures = poster.failures();
    if (failures.count > 0) throw new Error(`${gateways.label}: ${failures.count} deliveries refused, first: ${failures.first}`);
    if (sockets.closedEarly() > 0) throw new Error(`${gateways.label}: ${sockets.closedEarly()} sockets were closed by the server during the run`);
    return { socketsOn: gateways.followers.length > 0 ? 'followers' : 'owner', connectSeconds, paced, pacedLoad: load, ...(burst ? { burst } : {}) };
  } finally {
    poster.close();
    sockets.close();
  }
}
