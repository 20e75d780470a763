import { assertCallTransferTarget, assertTransferTarget } from './assert-transfer-target';

describe('assertTransferTarget', () => {
  const source = { agentId: 'agent-ada', queueId: 'q-support' };

  it('takes another agent or another queue', () => {
    expect(() => assertTransferTarget(source, { kind: 'agent', agentId: 'agent-grace' })).not.toThrow();
    expect(() => assertTransferTarget(source, { kind: 'queue', queueId: 'q-billing' })).not.toThrow();
  });

  it('refuses the sending agent and the queue the callback is in', () => {
    expect(() => assertTransferTarget(source, { kind: 'agent', agentId: 'agent-ada' })).toThrow(expect.objectContaining({ code: 'validation_failed', message: 'Cannot transfer a callback to yourself' }));
    expect(() => assertTransferTarget(source, { kind: 'queue', queueId: 'q-support' })).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: 'The callback is already in that queue; pick another queue' }),
    );
  });
});

describe('assertCallTransferTarget', () => {
  it('refuses the agent who has the call, takes anyone else', () => {
    expect(() => assertCallTransferTarget('agent-ada', 'agent-ada')).toThrow(expect.objectContaining({ code: 'validation_failed', message: 'Cannot transfer a call to yourself' }));
    expect(() => assertCallTransferTarget('agent-ada', 'agent-grace')).not.toThrow();
  });
});
