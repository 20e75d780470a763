import noAnswer from './__fixtures__/conversation-customer-no-answer.json';
import { GenesysConversation, type GenesysCallCommunication } from './genesys-schemas';
import { mapGenesysDialOutcome } from './genesys-map-dial-outcome';

describe('mapGenesysDialOutcome', () => {
  it('reads the published-shape no-answer call (q850 19) as no-answer', () => {
    const customer = GenesysConversation.parse(noAnswer.eventBody).participants[0];
    const call = customer?.calls?.[0];
    expect(call && mapGenesysDialOutcome(call)).toBe('no-answer');
  });

  it.each([
    [{ id: 'c', state: 'dialing' }, 'ringing'],
    [{ id: 'c', state: 'contacting' }, 'ringing'],
    [{ id: 'c', state: 'connected' }, 'answered'],
    [{ id: 'c', state: 'disconnected', connectedTime: '2026-03-10T14:07:15Z' }, 'answered'],
    [{ id: 'c', state: 'disconnected', disconnectReasons: [{ type: 'q850', code: 17, phrase: 'User busy' }] }, 'busy'],
    [{ id: 'c', state: 'disconnected', disconnectReasons: [{ type: 'q850', code: 18 }] }, 'no-answer'],
    [{ id: 'c', state: 'disconnected', disconnectType: 'timeout' }, 'no-answer'],
    [{ id: 'c', state: 'disconnected', disconnectReasons: [{ type: 'q850', code: 41 }], disconnectType: 'error' }, 'failed'],
    [{ id: 'c', state: 'disconnected' }, 'failed'],
  ] satisfies Array<[GenesysCallCommunication, string]>)('reads %j as %s', (call, outcome) => {
    expect(mapGenesysDialOutcome(call)).toBe(outcome);
  });
});
