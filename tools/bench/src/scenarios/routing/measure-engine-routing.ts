import { performance } from 'node:perf_hooks';
import { createSeededRandom } from '@icc/core';
import { createCallbackEngine } from '@icc/engine';
import { exampleCreateCallbackRequest, FULL_CAPABILITIES } from '@icc/protocol';
import { BENCH_QUEUE, benchAgentId, offlineBenchAgents } from '../../fixtures/bench-configuration';
import { benchInteractionIds } from '../../fixtures/interaction-lifecycle';
import { shuffleInPlace } from '../../fixtures/shuffle-in-place';
import { summarizeLatencies } from '../../report/percentile';
import { ROUTING_EPOCH, type RoutingInput, type RoutingMeasurement } from './routing-workload';

/** Ours: the core engine with N queued callbacks; agents come available one by one, each call timed. */
export function measureEngineRouting(input: RoutingInput): RoutingMeasurement {
  const engine = createCallbackEngine({ vendor: 'mock', capabilities: FULL_CAPABILITIES, queues: [BENCH_QUEUE], agents: offlineBenchAgents(input.agents) });
  const request = exampleCreateCallbackRequest({ queueId: BENCH_QUEUE.id });
  const intakeStarted = performance.now();
  for (let index = 0; index < input.callbacks; index++) {
    engine.requestCallback(request, benchInteractionIds(index), ROUTING_EPOCH + index);
  }
  const intakeMs = performance.now() - intakeStarted;

  const order = shuffleInPlace(Array.from({ length: input.agents }, (_, index) => benchAgentId(index)), createSeededRandom(input.seed));
  const decisions: number[] = [];
  let offers = 0;
  let now = ROUTING_EPOCH + input.callbacks + 60_000;
  for (const agentId of order) {
    now += 10;
    const started = performance.now();
    const events = engine.setPresence(agentId, 'available', now);
    decisions.push(performance.now() - started);
    if (events.some((event) => event.type === 'interaction.offered' && event.agentId === agentId)) offers++;
  }
  return { intakeMs, decisions: summarizeLatencies(decisions), offers };
}
