import { performance } from 'node:perf_hooks';
import { createSeededRandom } from '@icc/core';
import { benchAgentId } from '../../fixtures/bench-configuration';
import { shuffleInPlace } from '../../fixtures/shuffle-in-place';
import { summarizeLatencies } from '../../report/percentile';
import { ROUTING_EPOCH, type RoutingInput, type RoutingMeasurement } from './routing-workload';

interface NaiveItem {
  id: string;
  requestedAt: number;
  declinedBy: string[];
  offeredTo?: string;
}

interface NaiveAgent {
  id: string;
  available: boolean;
  busy: boolean;
  idleSince: number;
}

/** Baseline: arrays and linear scans — the first waiting item nobody declined, the longest-idle free agent. */
export function measureNaiveRouting(input: RoutingInput): RoutingMeasurement {
  const items: NaiveItem[] = [];
  const agents: NaiveAgent[] = Array.from({ length: input.agents }, (_, index) => ({ id: benchAgentId(index), available: false, busy: false, idleSince: 0 }));
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const intakeStarted = performance.now();
  for (let index = 0; index < input.callbacks; index++) items.push({ id: `naive-${index}`, requestedAt: ROUTING_EPOCH + index, declinedBy: [] });
  const intakeMs = performance.now() - intakeStarted;

  const route = () => {
    let agent: NaiveAgent | undefined;
    for (const candidate of agents) {
      if (candidate.available && !candidate.busy && (!agent || candidate.idleSince < agent.idleSince)) agent = candidate;
    }
    if (!agent) return undefined;
    const chosen = agent;
    const item = items.find((candidate) => candidate.offeredTo === undefined && !candidate.declinedBy.includes(chosen.id));
    if (!item) return undefined;
    item.offeredTo = chosen.id;
    chosen.busy = true;
    return chosen.id;
  };

  const order = shuffleInPlace(Array.from({ length: input.agents }, (_, index) => benchAgentId(index)), createSeededRandom(input.seed));
  const decisions: number[] = [];
  let offers = 0;
  let now = ROUTING_EPOCH + input.callbacks + 60_000;
  for (const agentId of order) {
    now += 10;
    const started = performance.now();
    const agent = byId.get(agentId) as NaiveAgent;
    agent.available = true;
    agent.idleSince = now;
    const offeredTo = route();
    decisions.push(performance.now() - started);
    if (offeredTo === agentId) offers++;
  }
  return { intakeMs, decisions: summarizeLatencies(decisions), offers };
}
