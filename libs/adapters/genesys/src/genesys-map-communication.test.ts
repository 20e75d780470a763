import alerting from './__fixtures__/conversation-agent-alerting.json';
import noAnswer from './__fixtures__/conversation-customer-no-answer.json';
import previewing from './__fixtures__/conversation-agent-previewing-auto-dial.json';
import { GenesysConversation, type GenesysCallCommunication } from './genesys-schemas';
import { mapGenesysCallEndedBy, mapGenesysDialOutcome, mapGenesysOfferOutcome, mapGenesysParticipantState } from './genesys-map-communication';

describe('mapGenesysParticipantState', () => {
  it.each([
    ['scheduled', 'scheduled'],
    ['alerting', 'ringing'],
    ['dialing', 'ringing'],
    ['contacting', 'ringing'],
    ['offering', 'ringing'],
    ['connected', 'connected'],
    ['disconnected', 'ended'],
    ['terminated', 'ended'],
    ['CONNECTED', 'connected'],
  ])('reads %s as %s', (state, phase) => {
    expect(mapGenesysParticipantState(state)).toBe(phase);
  });

  it.each(['parked', 'uploading', 'none', 'OutdatedSdkVersion'])('has no phase for %s', (state) => {
    expect(mapGenesysParticipantState(state)).toBeUndefined();
  });
});

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

const agentCallback = (fixture: { eventBody: unknown }) =>
  GenesysConversation.parse(fixture.eventBody).participants.find((participant) => participant.purpose === 'agent')?.callbacks?.[0] ?? { state: 'missing' };

describe('mapGenesysOfferOutcome', () => {
  it('reads the agent callback of the fixtures: alerting, then accepted', () => {
    expect(mapGenesysOfferOutcome(agentCallback(alerting))).toBe('alerting');
    expect(mapGenesysOfferOutcome(agentCallback(previewing))).toBe('accepted');
  });

  // Genesys's "Disconnect reasons" (help.mypurecloud.com/articles/disconnect-reasons): Client = the
  // agent's UI (declined), Endpoint = the agent's phone, System = the cloud (the alerting timeout),
  // No Answer Transfer = a transfer after an alerting timeout, Timeout = a dialing timeout.
  it.each([
    [{ state: 'disconnected', disconnectType: 'system' }, 'timeout'],
    [{ state: 'disconnected', disconnectType: 'transfer.noanswer' }, 'timeout'],
    [{ state: 'disconnected', disconnectType: 'timeout' }, 'timeout'],
    [{ state: 'disconnected', disconnectType: 'client' }, 'rejected'],
    [{ state: 'disconnected', disconnectType: 'endpoint' }, 'rejected'],
    [{ state: 'disconnected', disconnectType: 'client', connectedTime: '2026-03-10T14:06:12Z' }, 'accepted'],
  ] as const)('reads %j as %s', (communication, outcome) => {
    expect(mapGenesysOfferOutcome(communication)).toBe(outcome);
  });
});

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
