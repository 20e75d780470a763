import alerting from './__fixtures__/conversation-agent-alerting.json';
import previewing from './__fixtures__/conversation-agent-previewing-auto-dial.json';
import { GenesysConversation } from './genesys-schemas';
import { mapGenesysOfferOutcome } from './genesys-map-offer-outcome';

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
