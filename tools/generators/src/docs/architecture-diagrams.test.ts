import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateMachineDiagram } from '@icc/core';

const architecture = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'architecture.md'), 'utf8');

// docs/architecture.md shows the state machine as core's transition table draws it, never by hand.
describe('docs/architecture.md state machine diagrams', () => {
  it.each(['agent-first', 'customer-first'] as const)('shows the %s diagram of INTERACTION_TRANSITIONS', (mode) => {
    expect(architecture).toContain(`\`\`\`mermaid\n${stateMachineDiagram(mode)}\n\`\`\``);
  });
});
