import { performance } from 'node:perf_hooks';
import { createSeededRandom } from '@icc/core';
import type { NewIccEvent } from '@icc/protocol';
import { dtmfEvent, type BenchInteractionIds } from '../../fixtures/interaction-lifecycle';
import { summarizeLatencies, type LatencySummary } from '../../report/percentile';
import { growProbeClock, type AgentSocketSet, type ProbeClock } from './agent-sockets';
import { pacedDeliveries, type PacedBatching } from './paced-deliveries';
import type { WebhookPoster } from './webhook-poster';

export interface PacedPhase {
  eventsPerSecond: number;
  seconds: number;
  /** Events per webhook delivery, at most (`as-due`) or exactly, the last excepted (`whole`). */
  deliverySize: number;
  /** Default `as-due` (paced-deliveries.ts). */
  batching?: PacedBatching;
  /** Whose call each probe goes to: a random agent's (default), or every agent's in turn (an even rate per agent). */
  targets?: 'random' | 'in-turn';
}

export interface BurstPhase {
  events: number;
  deliverySize: number;
  /** Deliveries in flight at once. */
  inFlight: number;
}

export interface PhaseResult {
  sent: number;
  received: number;
  latency: LatencySummary;
  /** Probe frames received per second, first send to last receipt. */
  framesPerSecond: number;
  seconds: number;
}

export interface FanOutTargets {
  /** Interaction of each agent, in agent order: probes go to a random one. */
  interactions: readonly BenchInteractionIds[];
  poster: WebhookPoster;
  sockets: AgentSocketSet;
  clock: ProbeClock;
}

const DRAIN_TIMEOUT_MS = 15_000;

function probeFactory(targets: FanOutTargets, seed: number, order: PacedPhase['targets'] = 'random') {
  const random = createSeededRandom(seed);
  let turn = 0;
  const next = () => (order === 'in-turn' ? turn++ % targets.interactions.length : Math.floor(random() * targets.interactions.length));
  return (probe: number): NewIccEvent => {
    const ids = targets.interactions[next()] as BenchInteractionIds;
    return dtmfEvent(ids, String(probe), Date.now());
  };
}

async function waitForFrames(sockets: AgentSocketSet, expected: number): Promise<void> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (sockets.received() < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

function phaseResult(targets: FanOutTargets, first: number, count: number, receivedBefore: number): PhaseResult {
  const latencies: number[] = [];
  let started = Number.POSITIVE_INFINITY;
  let finished = 0;
  for (let probe = first; probe < first + count; probe++) {
    const sent = targets.clock.sentAt[probe] as number;
    const received = targets.clock.receivedAt[probe] as number;
    started = Math.min(started, sent);
    if (received > 0) {
      latencies.push(received - sent);
      finished = Math.max(finished, received);
    }
  }
  const seconds = (finished - started) / 1000;
  return {
    sent: count,
    received: targets.sockets.received() - receivedBefore,
    latency: summarizeLatencies(latencies),
    framesPerSecond: latencies.length / seconds,
    seconds,
  };
}

/** Probes at a steady rate, each sent time taken when its delivery leaves: ingest → frame latency under load. */
export async function runPacedPhase(targets: FanOutTargets, phase: PacedPhase, firstProbe: number): Promise<PhaseResult> {
  const total = Math.round(phase.eventsPerSecond * phase.seconds);
  growProbeClock(targets.clock, firstProbe + total);
  const nextProbe = probeFactory(targets, firstProbe + 1, phase.targets);
  const receivedBefore = targets.sockets.received();
  const posts: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * phase.eventsPerSecond));
    for (const size of pacedDeliveries(sent, due, total, phase.deliverySize, phase.batching ?? 'as-due')) {
      const events: NewIccEvent[] = [];
      const now = performance.now();
      for (let index = 0; index < size; index++) {
        targets.clock.sentAt[firstProbe + sent] = now;
        events.push(nextProbe(firstProbe + sent));
        sent++;
      }
      posts.push(targets.poster.post(events));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(posts);
  await waitForFrames(targets.sockets, receivedBefore + total);
  return phaseResult(targets, firstProbe, total, receivedBefore);
}

/** As many probes as the path takes, `inFlight` deliveries at a time: the throughput ceiling. */
export async function runBurstPhase(targets: FanOutTargets, phase: BurstPhase, firstProbe: number): Promise<PhaseResult> {
  growProbeClock(targets.clock, firstProbe + phase.events);
  const nextProbe = probeFactory(targets, firstProbe + 1);
  const receivedBefore = targets.sockets.received();
  let sent = 0;
  const sender = async () => {
    while (sent < phase.events) {
      const size = Math.min(phase.deliverySize, phase.events - sent);
      const events: NewIccEvent[] = [];
      const now = performance.now();
      for (let index = 0; index < size; index++) {
        targets.clock.sentAt[firstProbe + sent] = now;
        events.push(nextProbe(firstProbe + sent));
        sent++;
      }
      await targets.poster.post(events);
    }
  };
  await Promise.all(Array.from({ length: phase.inFlight }, sender));
  await waitForFrames(targets.sockets, receivedBefore + phase.events);
  return phaseResult(targets, firstProbe, phase.events, receivedBefore);
}
