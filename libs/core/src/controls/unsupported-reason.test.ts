import { FULL_CAPABILITIES } from '@icc/protocol';
import { unsupportedReason } from './allowed-controls';

describe('unsupportedReason', () => {
  const connectLike = {
    ...FULL_CAPABILITIES,
    transferCall: false,
    escalate: false,
    hold: false,
    reasons: { transferCall: "Transfers of the agent's call are not supported.", escalate: 'No escalate flag.' },
  };

  it("gives the vendor's own reason for a control it cannot do", () => {
    expect(unsupportedReason('transfer-call', connectLike)).toBe("Transfers of the agent's call are not supported.");
    expect(unsupportedReason('escalate', connectLike)).toBe('No escalate flag.');
  });

  it('falls back to a plain default naming the capability when the vendor gives none', () => {
    expect(unsupportedReason('resume', connectLike)).toBe('The contact-centre platform in use does not support this (hold).');
  });

  it('is undefined when the vendor can, or when the command needs no capability', () => {
    expect(unsupportedReason('mute', connectLike)).toBeUndefined();
    expect(unsupportedReason('end-call', connectLike)).toBeUndefined();
    expect(unsupportedReason('dial', { ...connectLike, redial: false })).toBeUndefined();
  });

  it('asks scheduling only of a reschedule: other controls of a vendor without scheduled callbacks stay supported', () => {
    expect(unsupportedReason('mute', { ...FULL_CAPABILITIES, scheduled: false })).toBeUndefined();
    expect(unsupportedReason('dial', { ...FULL_CAPABILITIES, scheduled: false })).toBeUndefined();
  });

  it('names scheduling when a vendor can reschedule in principle but has no scheduled callbacks', () => {
    expect(unsupportedReason('reschedule', { ...FULL_CAPABILITIES, scheduled: false })).toBe(
      'The contact-centre platform in use does not support this (scheduled).',
    );
  });
});
