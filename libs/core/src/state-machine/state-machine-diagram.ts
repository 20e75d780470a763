import type { InteractionState, RoutingMode } from '@icc/protocol';
import { INTERACTION_TRANSITIONS } from './interaction-transitions';

const mermaidId = (state: InteractionState) => state.replace(/-/g, '_');

/**
 * The transition table of one routing mode as a Mermaid state diagram (docs/architecture.md shows
 * both, and a test keeps them equal). Events that leave the state unchanged are not drawn.
 */
export function stateMachineDiagram(mode: RoutingMode): string {
  const lines = ['stateDiagram-v2'];
  const table = INTERACTION_TRANSITIONS[mode];
  const reachable = (Object.keys(table) as InteractionState[]).filter(
    // Stryker disable next-line ConditionalExpression: closed has no outgoing transitions and no dash in its name, so listing it draws nothing
    (state) => Object.keys(table[state]).length > 0 || state === 'closed',
  );
  for (const state of reachable) {
    if (state.includes('-')) lines.push(`  state "${state}" as ${mermaidId(state)}`);
  }
  lines.push('  [*] --> scheduled', '  [*] --> queued');
  for (const from of reachable) {
    for (const [eventType, target] of Object.entries(table[from])) {
      // Stryker disable next-line ConditionalExpression: the table never stores undefined, the check only narrows the type
      if (target === undefined || target === 'stay') continue;
      // Stryker disable next-line Regex: every event type drawn starts with interaction., so the anchor changes nothing
      lines.push(`  ${mermaidId(from)} --> ${mermaidId(target)}: ${eventType.replace(/^interaction\./, '')}`);
    }
  }
  lines.push('  closed --> [*]');
  return lines.join('\n');
}
