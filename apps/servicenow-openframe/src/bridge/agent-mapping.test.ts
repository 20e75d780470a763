import { readAgentMapping, sysUserIdFor } from './agent-mapping';

const CONFIGURATION = { icc: { agents: [{ sysUserId: '62826bf03710200044e0bfc8bcbe5df1', iccAgentId: 'agent-ada' }] } };

describe('agent mapping', () => {
  it('reads the mapping from the configuration record, as a JSON string or an object', () => {
    for (const configuration of [JSON.stringify(CONFIGURATION), CONFIGURATION]) {
      const mapping = readAgentMapping({ configuration });
      expect(sysUserIdFor(mapping, 'agent-ada')).toBe('62826bf03710200044e0bfc8bcbe5df1');
    }
  });

  it('sends an unmapped or unconfigured agent under its ICC id', () => {
    expect(sysUserIdFor(readAgentMapping({ configuration: JSON.stringify(CONFIGURATION) }), 'agent-grace')).toBe('agent-grace');
    expect(readAgentMapping(undefined)).toEqual([]);
    expect(readAgentMapping({ configuration: '{not json' })).toEqual([]);
    expect(readAgentMapping({ configuration: { icc: { agents: [{ sysUserId: '' }] } } })).toEqual([]);
  });
});
