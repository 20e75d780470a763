import { gatewayRoutes } from '../routes/gateway-routes';
import { ACCESS_POLICY, mayConfigureQueues, mayKeepFor, maySeeSupervisorViews, QUEUE_CONFIGURATION_POLICY, relationshipOf, SUPERVISOR_VIEWS, type AccessFacts, type AccessPrincipal, type Involvement } from './access-policy';

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
    ['the agent it is kept for, while nobody handles it', agent('kim'), { ...facts({}), keptFor: 'kim' }, 'keeping'],
    ['the agent handling it, though it is kept for someone else', agent('ada'), { ...facts({ ada: ['offered'] }, 'ada'), keptFor: 'kim' }, 'handling'],
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
  it('lets only the handling agent, the agent it is kept for and supervisors change a callback, and only the handling agent command an interaction', () => {
    const allowed = (action: 'change' | 'command' | 'upcoming') =>
      Object.entries(ACCESS_POLICY)
        .filter(([, row]) => row[action])
        .map(([relationship]) => relationship);
    expect(allowed('change')).toEqual(['supervisor', 'handling', 'keeping']);
    expect(allowed('command')).toEqual(['handling']);
  });

  it('shows the upcoming work of a queue to its members, not to outsiders', () => {
    expect(ACCESS_POLICY['same-queue'].upcoming).toBe(true);
    expect(ACCESS_POLICY['same-queue'].read).toBe(false);
    expect(ACCESS_POLICY.unrelated.upcoming).toBe(false);
  });
});

describe('mayKeepFor', () => {
  it.each([
    ['an agent, for themselves in their queue', agent('ada', ['callbacks-af']), 'ada', 'callbacks-af', true],
    ['an agent, for themselves in a queue they are not in', agent('ada', ['callbacks-cf']), 'ada', 'callbacks-af', false],
    ['an agent, for another agent', agent('ada', ['callbacks-af']), 'grace', 'callbacks-af', false],
    ['a supervisor, for anyone', { agentId: 'sam', role: 'supervisor', queueIds: [] } as AccessPrincipal, 'grace', 'callbacks-af', true],
  ] as const)('%s → %s', (_name, principal, agentId, queueId, expected) => {
    expect(mayKeepFor(principal, agentId, queueId)).toBe(expected);
  });
});

describe('SUPERVISOR_VIEWS', () => {
  it('are routes declared for supervisors only (missed offers included), and only supervisors may see them', () => {
    const routes = gatewayRoutes({ devMode: false });
    for (const operationId of SUPERVISOR_VIEWS) {
      expect(routes.find((route) => route.operationId === operationId)?.access).toBe('supervisor');
    }
    expect(maySeeSupervisorViews({ role: 'supervisor' })).toBe(true);
    expect(maySeeSupervisorViews({ role: 'agent' })).toBe(false);
  });
});

describe('QUEUE_CONFIGURATION_POLICY', () => {
  it('lets every role read queue configuration and only supervisors write it', () => {
    expect(QUEUE_CONFIGURATION_POLICY).toEqual({ agent: { read: true, write: false }, supervisor: { read: true, write: true } });
    expect([mayConfigureQueues('agent', 'write'), mayConfigureQueues('supervisor', 'write'), mayConfigureQueues('agent', 'read')]).toEqual([false, true, true]);
  });
});
