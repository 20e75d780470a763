import { mapDisconnectParty } from './connect-map-disconnect-party';

describe('mapDisconnectParty', () => {
  it.each([
    ['AGENT_DISCONNECT', 'agent'],
    ['CUSTOMER_DISCONNECT', 'customer'],
    ['CONTACT_FLOW_DISCONNECT', 'system'],
    ['API', 'system'],
    [undefined, undefined],
  ] as const)('%s was ended by %s', (reason, party) => {
    expect(mapDisconnectParty(reason)).toBe(party);
  });
});
