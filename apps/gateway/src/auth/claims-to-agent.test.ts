import { agentIdFromClaims, roleFromClaims } from './claims-to-agent';

describe('claims to an ICC agent', () => {
  const roles = { roleClaim: 'realm_access.roles', supervisorValues: ['icc-supervisor'] };

  it('reads the agent id from a top-level claim or a dot path, and only when it is a non-empty string', () => {
    expect(agentIdFromClaims({ preferred_username: 'agent-ada' }, { agentClaim: 'preferred_username' })).toBe('agent-ada');
    expect(agentIdFromClaims({ icc: { agent: 'agent-ada' } }, { agentClaim: 'icc.agent' })).toBe('agent-ada');
    // A namespaced claim whose own name has dots (Auth0 style) wins over the path.
    expect(agentIdFromClaims({ 'https://icc.example/agent': 'agent-ada' }, { agentClaim: 'https://icc.example/agent' })).toBe('agent-ada');
    expect(agentIdFromClaims({ agent_number: 42 }, { agentClaim: 'agent_number' })).toBeUndefined();
    expect(agentIdFromClaims({ sub: '' }, { agentClaim: 'sub' })).toBeUndefined();
    expect(agentIdFromClaims({}, { agentClaim: 'sub' })).toBeUndefined();
  });

  it('makes a supervisor only when the role claim (array, string or space-separated) holds a supervisor value', () => {
    expect(roleFromClaims({ realm_access: { roles: ['offline_access', 'icc-supervisor'] } }, roles)).toBe('supervisor');
    expect(roleFromClaims({ realm_access: { roles: ['offline_access'] } }, roles)).toBe('agent');
    expect(roleFromClaims({ realm_access: { roles: 'icc-supervisor' } }, roles)).toBe('supervisor');
    expect(roleFromClaims({ scp: 'icc.read icc-supervisor' }, { ...roles, roleClaim: 'scp' })).toBe('supervisor');
    expect(roleFromClaims({ realm_access: { roles: ['icc-supervisors'] } }, roles)).toBe('agent');
    expect(roleFromClaims({}, roles)).toBe('agent');
  });

  it('leaves the role to the ICC agent when no role claim is configured', () => {
    expect(roleFromClaims({ roles: ['icc-supervisor'] }, { supervisorValues: ['icc-supervisor'] })).toBeUndefined();
  });
});
