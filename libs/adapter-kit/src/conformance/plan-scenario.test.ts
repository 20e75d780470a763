import { FULL_CAPABILITIES } from '@icc/protocol';
import { CONFORMANCE_SCENARIOS } from './conformance-scenarios';
import { planScenario } from './plan-scenario';

const titled = (fragment: string) => {
  const scenario = CONFORMANCE_SCENARIOS.find((each) => each.title.includes(fragment));
  if (!scenario) throw new Error(`no scenario titled …${fragment}…`);
  return scenario;
};

describe('planScenario', () => {
  it('runs every scenario for a full-featured adapter whose simulator has every hook', () => {
    expect(CONFORMANCE_SCENARIOS.map((scenario) => planScenario(scenario, { capabilities: FULL_CAPABILITIES }).kind)).toEqual(
      CONFORMANCE_SCENARIOS.map(() => 'run'),
    );
  });

  it('skips a scenario whose feature the capabilities say is absent, and says which flag', () => {
    const capabilities = { ...FULL_CAPABILITIES, hold: false, modes: ['agent-first' as const] };
    expect(planScenario(titled('hold and resume'), { capabilities })).toEqual({
      kind: 'skip',
      title: 'hold and resume a live call [skipped: capabilities.hold is false]',
    });
    expect(planScenario(titled('ASAP customer-first'), { capabilities }).title).toContain('[skipped: capabilities.modes has no customer-first]');
    expect(planScenario(titled('mute and unmute'), { capabilities }).kind).toBe('run');
  });

  it('lists a scenario as todo when its hook is declared unsupported, with the reason', () => {
    const plan = planScenario(titled('answers 429'), {
      capabilities: FULL_CAPABILITIES,
      unsupportedHooks: { vendorCalls: 'the vendor API is in-process' },
    });
    expect(plan).toEqual({ kind: 'todo', title: expect.stringMatching(/\[todo: no simulator\.vendorCalls: the vendor API is in-process\]$/) });
  });

  it('every scenario has a distinct title', () => {
    const titles = CONFORMANCE_SCENARIOS.map((scenario) => scenario.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
