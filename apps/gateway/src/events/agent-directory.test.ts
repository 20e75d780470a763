import type { Agent } from '@icc/protocol';
import type { AccessPrincipal } from '../auth/access-policy';
import { createAgentDirectory } from './agent-directory';

const agent = (id: string, queueIds: string[], more: Partial<Agent> = {}): Agent => ({ id, displayName: id, role: 'agent', queueIds, presence: 'offline', ...more });
const who = (agentId: string, queueIds: string[], role: AccessPrincipal['role'] = 'agent'): AccessPrincipal => ({ agentId, role, queueIds });
const ids = (agents: Agent[]) => agents.map((listed) => listed.id);

describe('createAgentDirectory', () => {
  const team = () =>
    createAgentDirectory([agent('agent-zoe', ['q-sales']), agent('agent-ada', ['q-support']), agent('agent-grace', ['q-support', 'q-sales']), agent('agent-lone', [])]);

  it('tells an agent themselves and the agents of their queues, in id order; a supervisor every agent', () => {
    const directory = team();
    expect(ids(directory.knownTo(who('agent-ada', ['q-support'])))).toEqual(['agent-ada', 'agent-grace']);
    expect(ids(directory.knownTo(who('agent-grace', ['q-support', 'q-sales'])))).toEqual(['agent-ada', 'agent-grace', 'agent-zoe']);
    expect(ids(directory.knownTo(who('agent-lone', [])))).toEqual(['agent-lone']);
    expect(ids(directory.knownTo(who('supervisor-sam', [], 'supervisor')))).toEqual(['agent-ada', 'agent-grace', 'agent-lone', 'agent-zoe']);
  });

  it('keeps the presence its events left when the configuration changes, and files the agent under its new queues', () => {
    const directory = team();
    directory.presenceChanged(agent('agent-ada', ['q-support'], { presence: 'available', availableSince: '2026-03-10T14:00:00Z', presenceSince: '2026-03-10T14:00:00Z' }));
    // A store read taken before that event: its presence is older than the directory's.
    directory.configured(agent('agent-ada', ['q-sales'], { displayName: 'Ada L.' }));
    expect(directory.get('agent-ada')).toEqual(
      agent('agent-ada', ['q-sales'], { displayName: 'Ada L.', presence: 'available', availableSince: '2026-03-10T14:00:00Z', presenceSince: '2026-03-10T14:00:00Z' }),
    );
    expect(ids(directory.knownTo(who('agent-zoe', ['q-sales'])))).toEqual(['agent-ada', 'agent-grace', 'agent-zoe']);
    expect(ids(directory.knownTo(who('someone', ['q-support'])))).toEqual(['agent-grace']);
  });

  it('learns an agent configured after it was read, presence included', () => {
    const directory = team();
    directory.configured(agent('agent-new', ['q-support'], { presence: 'away' }));
    expect(directory.size()).toBe(5);
    expect(directory.knownTo(who('agent-ada', ['q-support'])).find((listed) => listed.id === 'agent-new')?.presence).toBe('away');
  });
});
