import { ACCESS_POLICY, mayConfigureQueues, QUEUE_CONFIGURATION_POLICY, relationshipOf, type AccessFacts, type AccessPrincipal, type Involvement } from './access-policy';

const facts = (involvement: Record<string, Involvement[]>, currentAgentId?: string): AccessFacts => ({
  currentAgentId,
  involvement: new Map(Object.entries(involvement).map(([agentId, what]) => [agentId, new Set(what)])),
  queueId: 'callbacks-af',
});
const agent = (agentId: string, queueIds: string[] = []): AccessPrincipal => ({ agentId, role: 'agent', queueIds });

describe('relationshipOf', () => {
  it.each([
    ['a supervisor, whatever their involvement', { agentId: 'sam', role: 'supervisor', queueIds: [] } as AccessPrincipal, facts({ sam: ['declined'] }, 'ada'), 'supervisor'],
    ['the agent it is offered to or handled by now', agent('ada'), facts({ ada: ['offered', 'handled'] }, 'ada'), 'handling'],
    ['the agent who transferred it, even after handling it', agent('tom'), facts({ tom: ['offered', 'handled', 'transferred-away'] }, 'ada'), 'transferred-away'],
    ['the agent who transferred it and got it back is handling it again', agent('tom'), facts({ tom: ['handled', 'transferred-away'] }, 'tom'), 'handling'],
    ['an agent who accepted it before', agent('bea'), facts({ bea: ['offered', 'handled'] }, 'ada'), 'handled-before'],
    ['a consulted agent', agent('cal'), facts({ cal: ['consulted'] }, 'ada'), 'handled-before'],
    ['an agent who declined the offer', agent('dan'), facts({ dan: ['offered', 'declined'] }, 'ada'), 'offered'],
    ['an agent whose offer was taken back', agent('dan'), facts({ dan: ['offered'] }), 'offered'],
    ['a member of its queue never involved', agent('quinn', ['callbacks-af']), facts({}, 'ada'), 'same-queue'],
    ['anyone else', agent('uma', ['callbacks-cf']), facts({}, 'ada'), 'unrelated'],
  ] as const)('%s', (_name, principal, subject, expected) => {
    expect(relationshipOf(principal, subject)).toBe(expected);
  });
});

describe('ACCESS_POLICY', () => {
  it('lets only the handling agent and supervisors change a callback, and only the handling agent command an interaction', () => {
    const allowed = (action: 'change' | 'command') =>
      Object.entries(ACCESS_POLICY)
        .filter(([, row]) => row[action])
        .map(([relationship]) => relationship);
    expect(allowed('change')).toEqual(['supervisor', 'handling']);
    expect(allowed('command')).toEqual(['handling']);
  });
});

describe('QUEUE_CONFIGURATION_POLICY', () => {
  it('lets every role read queue configuration and only supervisors write it', () => {
    expect(QUEUE_CONFIGURATION_POLICY).toEqual({ agent: { read: true, write: false }, supervisor: { read: true, write: true } });
    expect([mayConfigureQueues('agent', 'write'), mayConfigureQueues('supervisor', 'write'), mayConfigureQueues('agent', 'read')]).toEqual([false, true, true]);
  });
});
