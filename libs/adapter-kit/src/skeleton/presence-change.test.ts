import type { Presence } from '@icc/protocol';
import { presenceChangeOf } from './presence-change';

const book = (presence: Record<string, Presence>) => ({ presence: (agentId: string) => presence[agentId] });
const NOW = Date.parse('2026-03-10T14:00:00Z');

describe('presenceChangeOf', () => {
  it('records the change from the presence the book has', () => {
    expect(presenceChangeOf(book({ ada: 'available' }), 'ada', 'away', NOW)).toEqual([
      { type: 'agent.presence-changed', agentId: 'ada', at: '2026-03-10T14:00:00.000Z', presence: 'away', previous: 'available' },
    ]);
  });

  it('records nothing when the agent is in that presence already', () => {
    expect(presenceChangeOf(book({ ada: 'away' }), 'ada', 'away', NOW)).toEqual([]);
  });

  it('counts an agent the book never saw as offline', () => {
    expect(presenceChangeOf(book({}), 'grace', 'available', NOW)).toEqual([expect.objectContaining({ previous: 'offline', presence: 'available' })]);
    expect(presenceChangeOf(book({}), 'grace', 'offline', NOW)).toEqual([]);
  });
});
