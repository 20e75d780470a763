import { mapPresenceToAgentStatus } from './connect-map-presence-to-agent-status';

describe('mapPresenceToAgentStatus', () => {
  const statuses = { available: 'status-available', away: 'status-break', offline: 'status-offline' };

  it.each([
    ['available', 'status-available'],
    ['away', 'status-break'],
    ['offline', 'status-offline'],
  ] as const)('%s is the Connect agent status %s', (presence, status) => {
    expect(mapPresenceToAgentStatus(presence, statuses)).toBe(status);
  });
});
