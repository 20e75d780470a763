import { decideExtendWrapUp } from './decide-extend-wrap-up';
import { refusalOf } from './refusal-of.test-support';

const T = Date.parse('2026-03-10T14:00:00Z');
const wrapUp = { id: 'ix-1', callbackId: 'cb-1', state: 'wrap-up' as const, mode: 'agent-first' as const, autoCloseAt: '2026-03-10T14:01:00Z' };

describe('decideExtendWrapUp', () => {
  it('moves the automatic close later by the seconds asked', () => {
    expect(decideExtendWrapUp(wrapUp, { agentId: 'ada', seconds: 120, now: T })).toEqual({
      type: 'interaction.wrap-up-extended',
      interactionId: 'ix-1',
      callbackId: 'cb-1',
      at: '2026-03-10T14:00:00.000Z',
      agentId: 'ada',
      autoCloseAt: '2026-03-10T14:03:00.000Z',
      extendedBySeconds: 120,
    });
  });

  it('counts from now when the close is already due', () => {
    expect(decideExtendWrapUp(wrapUp, { agentId: 'ada', seconds: 60, now: T + 5 * 60_000 }).autoCloseAt).toBe('2026-03-10T14:06:00.000Z');
  });

  it('refuses without a deadline, outside wrap-up, and past 30 minutes ahead', () => {
    const { autoCloseAt: _none, ...noDeadline } = wrapUp;
    expect(() => decideExtendWrapUp(noDeadline, { agentId: 'ada', seconds: 60, now: T })).toThrow(
      expect.objectContaining({ code: 'invalid_transition', message: '"extend-wrap-up" is not allowed while the interaction is wrap-up (agent-first)' }),
    );
    expect(() => decideExtendWrapUp({ ...wrapUp, state: 'connected' }, { agentId: 'ada', seconds: 60, now: T })).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
    const error = refusalOf(() => decideExtendWrapUp({ ...wrapUp, autoCloseAt: '2026-03-10T14:25:00Z' }, { agentId: 'ada', seconds: 600, now: T }));
    expect(error.toBody()).toEqual({
      code: 'validation_failed',
      message: 'After-call work may run at most 30 minutes ahead',
      issues: [{ path: ['seconds'], message: 'Extends wrap-up past 30 minutes from now', code: 'custom' }],
    });
  });

  it('extends to exactly 30 minutes ahead, not a millisecond more', () => {
    expect(decideExtendWrapUp({ ...wrapUp, autoCloseAt: '2026-03-10T14:25:00Z' }, { agentId: 'ada', seconds: 300, now: T }).autoCloseAt).toBe(
      '2026-03-10T14:30:00.000Z',
    );
    expect(() => decideExtendWrapUp({ ...wrapUp, autoCloseAt: '2026-03-10T14:25:00.001Z' }, { agentId: 'ada', seconds: 300, now: T })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });
});
