import { agentWorkOf, decideChosenPresence, decideWorkPresence } from './decide-work-presence';

describe('presence follows the work', () => {
  it('calls any taken interaction short of wrap-up busy, wrap-up after-call work, and an offer no work', () => {
    expect(agentWorkOf(['previewing'])).toBe('busy');
    expect(agentWorkOf(['dialing'])).toBe('busy');
    expect(agentWorkOf(['on-hold'])).toBe('busy');
    expect(agentWorkOf(['no-answer'])).toBe('busy');
    expect(agentWorkOf(['wrap-up', 'connected'])).toBe('busy');
    expect(agentWorkOf(['wrap-up'])).toBe('wrap-up');
    expect(agentWorkOf(['offered'])).toBeUndefined();
    expect(agentWorkOf([])).toBeUndefined();
    expect(agentWorkOf([], true)).toBe('busy');
  });

  it('records the choice on entering work and restores it when the work ends', () => {
    expect(decideWorkPresence({ presence: 'available' }, 'busy')).toEqual({ presence: 'busy', previous: 'available', chosen: 'available' });
    expect(decideWorkPresence({ presence: 'busy', chosen: 'away' }, 'wrap-up')).toEqual({ presence: 'wrap-up', previous: 'busy', chosen: 'away' });
    expect(decideWorkPresence({ presence: 'wrap-up', chosen: 'away' }, undefined)).toEqual({ presence: 'away', previous: 'wrap-up' });
    expect(decideWorkPresence({ presence: 'busy' }, undefined)).toEqual({ presence: 'available', previous: 'busy' });
    expect(decideWorkPresence({ presence: 'busy', chosen: 'away' }, 'busy')).toBeUndefined();
    expect(decideWorkPresence({ presence: 'not-responding' }, undefined)).toBeUndefined();
  });

  it('applies a choice at once outside work, and keeps it for later during work', () => {
    expect(decideChosenPresence({ presence: 'available' }, 'away')).toEqual({ presence: 'away', previous: 'available' });
    expect(decideChosenPresence({ presence: 'away' }, 'away')).toBeUndefined();
    expect(decideChosenPresence({ presence: 'busy', chosen: 'available' }, 'offline')).toEqual({ presence: 'busy', previous: 'busy', chosen: 'offline' });
    expect(decideChosenPresence({ presence: 'wrap-up', chosen: 'offline' }, 'offline')).toBeUndefined();
    // Nothing chosen yet during work means the agent comes back available: choosing that changes nothing.
    expect(decideChosenPresence({ presence: 'busy' }, 'available')).toBeUndefined();
    expect(decideChosenPresence({ presence: 'busy' }, 'away')).toEqual({ presence: 'busy', previous: 'busy', chosen: 'away' });
  });
});
