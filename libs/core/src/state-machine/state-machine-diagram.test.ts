import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateMachineDiagram } from './state-machine-diagram';

const architecture = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'architecture.md'), 'utf8');

describe('stateMachineDiagram', () => {
  it.each(['agent-first', 'customer-first'] as const)('is the %s diagram docs/architecture.md shows', (mode) => {
    expect(architecture).toContain(`\`\`\`mermaid\n${stateMachineDiagram(mode)}\n\`\`\``);
  });

  it('draws each transition of the table once, labelled with its event', () => {
    const diagram = stateMachineDiagram('agent-first');
    expect(diagram).toContain('  dialing --> no_answer: dial-failed');
    expect(diagram).toContain('  offered --> queued: offer-declined');
    expect(diagram).toContain('  state "wrap-up" as wrap_up');
    expect(diagram).not.toContain('retry_wait');
  });

  it('leaves out events that keep the state', () => {
    expect(stateMachineDiagram('customer-first')).not.toContain('muted');
    expect(stateMachineDiagram('customer-first')).not.toContain('callback.updated');
  });
});
