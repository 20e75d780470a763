import { mapGenesysCallEndedBy } from './genesys-map-call-ended-by';

describe('mapGenesysCallEndedBy', () => {
  it.each([
    ['endpoint', 'customer'],
    ['peer', 'agent'],
    ['client', 'agent'],
    ['system', 'system'],
    ['error', 'system'],
    [undefined, 'system'],
  ] as const)('reads the customer leg disconnected by %s as ended by the %s', (disconnectType, by) => {
    expect(mapGenesysCallEndedBy(disconnectType)).toBe(by);
  });
});
