import { runTaskInChild } from '../../process/run-task-in-child';
import type { BenchScenario } from '../bench-scenario';
import type { RoutingInput } from './routing-workload';

const NAME = '5 routing';

export const routingScenario: BenchScenario = {
  id: 'routing',
  title: 'Routing: N queued callbacks, agents becoming available in random order, each decision timed',
  async run(context) {
    const input: RoutingInput = context.quick ? { callbacks: 2_000, agents: 50, seed: 5 } : { callbacks: 100_000, agents: 1_000, seed: 5 };
    const inChild = (task: 'measureNaiveRouting' | 'measureEngineRouting') => runTaskInChild(task, input, { execArgv: ['--max-old-space-size=4096'] });
    context.log(`routing: ${input.callbacks.toLocaleString('en-US')} callbacks, ${input.agents} agents, naive baseline`);
    const baseline = await inChild('measureNaiveRouting');
    context.log('routing: callback engine');
    const ours = await inChild('measureEngineRouting');
    for (const [who, result] of [['ours', ours], ['baseline', baseline]] as const) {
      if (result.offers !== input.agents) throw new Error(`${who}: ${result.offers} of ${input.agents} agents got an offer`);
    }
    return {
      rows: [
        { scenario: NAME, metric: 'decision p99', unit: 'ms', ours: ours.decisions.p99, baseline: baseline.decisions.p99, target: { max: 1 }, load: `${input.agents.toLocaleString('en-US')} decisions` },
        { scenario: NAME, metric: 'decision p50', unit: 'ms', ours: ours.decisions.p50, baseline: baseline.decisions.p50, load: `${input.agents.toLocaleString('en-US')} decisions` },
      ],
      loadDerivation: `one call at a time, ${input.agents.toLocaleString('en-US')} agents becoming available over ${input.callbacks.toLocaleString('en-US')} queued callbacks, each decision timed on its own: no rate to derive`,
      details: { input, ours, baseline },
    };
  },
};
