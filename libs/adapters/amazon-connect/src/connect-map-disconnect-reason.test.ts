import { mapDialFailure, mapDisconnectParty } from './connect-map-disconnect-reason';

describe('mapDialFailure', () => {
  it.each([
    ['TELECOM_BUSY', 'busy'],
    ['TELECOM_TIMEOUT', 'no-answer'],
    ['TELECOM_UNANSWERED', 'no-answer'],
    ['TELECOM_ORIGINATOR_CANCEL', 'no-answer'],
    ['TELECOM_NUMBER_INVALID', 'failed'],
    ['TELECOM_PROBLEM', 'failed'],
    ['AGENT_DISCONNECT', 'no-answer'],
    [undefined, 'failed'],
  ] as const)('a call that ended with %s did not connect: %s (no answering-machine status needed)', (reason, failure) => {
    expect(mapDialFailure(reason)).toBe(failure);
  });
});

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
