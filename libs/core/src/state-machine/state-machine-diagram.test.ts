import { stateMachineDiagram } from './state-machine-diagram';

describe('stateMachineDiagram', () => {
  it('draws the transitions of the table, labelled with their events', () => {
    const diagram = stateMachineDiagram('agent-first');
    expect(diagram.split('\n').slice(0, 6)).toEqual([
      'stateDiagram-v2',
      '  state "no-answer" as no_answer',
      '  state "on-hold" as on_hold',
      '  state "wrap-up" as wrap_up',
      '  [*] --> scheduled',
      '  [*] --> queued',
    ]);
    expect(diagram).toContain('  dialing --> no_answer: dial-failed');
    expect(diagram).toContain('  offered --> queued: offer-declined');
    expect(diagram).not.toContain('retry_wait');
    expect(diagram.split('\n').at(-1)).toBe('  closed --> [*]');
  });

  it('draws retry-wait for customer-first only', () => {
    expect(stateMachineDiagram('customer-first')).toContain('  no_answer --> retry_wait: retry-scheduled');
  });

  it('leaves out events that keep the state', () => {
    expect(stateMachineDiagram('customer-first')).not.toMatch(/muted|recording|escalated|callback\.updated/);
  });
});
