import { AGENT_COMMAND_TYPES, AgentCommand, InteractionCommandRequest } from './agent-command';
import { EXAMPLE_AGENT_COMMAND_TYPES, exampleAgentCommand } from './example-commands';

function issuePaths(result: { error?: { issues: Array<{ path: PropertyKey[] }> } }): PropertyKey[][] {
  return result.error?.issues.map((issue) => issue.path) ?? [];
}

describe('AgentCommand', () => {
  it('lists 24 command types, each with a valid example', () => {
    expect(AGENT_COMMAND_TYPES).toHaveLength(24);
    for (const type of EXAMPLE_AGENT_COMMAND_TYPES) {
      expect([type, AgentCommand.safeParse(exampleAgentCommand(type)).success]).toEqual([type, true]);
    }
  });

  it('rejects an unknown command type at path type', () => {
    const result = AgentCommand.safeParse({ type: 'teleport', interactionId: 'ix-0001' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['type'], code: 'invalid_union' })]);
  });

  it('rejects a command without type or interaction id', () => {
    expect(issuePaths(AgentCommand.safeParse({ interactionId: 'ix-0001' }))).toEqual([['type']]);
    expect(issuePaths(AgentCommand.safeParse({ type: 'accept' }))).toEqual([['interactionId']]);
  });

  it('rejects unknown keys on every command', () => {
    for (const type of AGENT_COMMAND_TYPES) {
      const result = AgentCommand.safeParse({ ...exampleAgentCommand(type), force: true });
      expect([type, result.error?.issues[0]?.code]).toEqual([type, 'unrecognized_keys']);
    }
  });

  it.each([
    ['dial with a formatted number', exampleAgentCommand('dial', { phoneNumber: '+1 415 555 2671' }), ['phoneNumber']],
    ['dial without a number', { type: 'dial', interactionId: 'ix-0001' }, ['phoneNumber']],
    ['redial with a national number', exampleAgentCommand('redial', { phoneNumber: '0207 183 8750' }), ['phoneNumber']],
    ['DTMF with letters outside A-D', exampleAgentCommand('send-dtmf', { digits: '12x' }), ['digits']],
    ['DTMF with 33 keys', exampleAgentCommand('send-dtmf', { digits: '1'.repeat(33) }), ['digits']],
    ['transfer to an unknown target kind', { ...exampleAgentCommand('transfer-callback'), target: { kind: 'team', teamId: 't' } }, ['target', 'kind']],
    ['escalate without the flag', { type: 'escalate', interactionId: 'ix-0001' }, ['escalated']],
    ['wrap-up with an unknown reason', { ...exampleAgentCommand('submit-wrap-up'), wrapUp: { reason: 'bored' } }, ['wrapUp', 'reason']],
    ['close with a custom reason without label', exampleAgentCommand('close-callback', { reason: { code: 'custom' } }), ['reason', 'label']],
    ['reschedule without offset', exampleAgentCommand('reschedule', { start: '2026-03-11T16:00:00', windowEnd: undefined }), ['start']],
    [
      'reschedule with window end before start',
      exampleAgentCommand('reschedule', { start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T15:00:00Z' }),
      ['windowEnd'],
    ],
  ])('rejects %s', (_why, command, path) => {
    expect(issuePaths(AgentCommand.safeParse(command))).toEqual([path]);
  });
});

describe('InteractionCommandRequest', () => {
  it('accepts every command without its interaction id', () => {
    for (const type of AGENT_COMMAND_TYPES) {
      const { interactionId: _id, ...body } = exampleAgentCommand(type);
      expect([type, InteractionCommandRequest.safeParse(body).success]).toEqual([type, true]);
    }
  });

  it('rejects an interaction id in the body: it comes from the URL', () => {
    const result = InteractionCommandRequest.safeParse({ type: 'accept', interactionId: 'ix-0001' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['interactionId'] })]);
  });

  it('applies the same field rules as the command', () => {
    expect(issuePaths(InteractionCommandRequest.safeParse({ type: 'dial', phoneNumber: '+1 415 555 2671' }))).toEqual([['phoneNumber']]);
    expect(issuePaths(InteractionCommandRequest.safeParse({ type: 'hang-up' }))).toEqual([['type']]);
    expect(
      issuePaths(
        InteractionCommandRequest.safeParse({ type: 'reschedule', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T16:00:00Z' }),
      ),
    ).toEqual([['windowEnd']]);
  });
});
