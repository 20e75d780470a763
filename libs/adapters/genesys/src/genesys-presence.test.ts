import { convertToGenesysPresence } from './genesys-presence';

const ids = { onQueue: 'def-on-queue', away: 'def-away', offline: 'def-offline' };

describe('convertToGenesysPresence', () => {
  it('puts an available agent On Queue and IDLE (clearing NOT_RESPONDING)', () => {
    expect(convertToGenesysPresence('available', ids)).toEqual({
      presence: { presenceDefinition: { id: 'def-on-queue', systemPresence: 'On Queue' } },
      routingStatus: { status: 'IDLE' },
    });
  });

  it.each([
    ['away', 'def-away', 'Away'],
    ['offline', 'def-offline', 'Offline'],
  ] as const)('sets %s as the org presence %s without touching the routing status', (presence, id, systemPresence) => {
    expect(convertToGenesysPresence(presence, ids)).toEqual({ presence: { presenceDefinition: { id, systemPresence } } });
  });
});
