import connectedToAgent from './__fixtures__/contact-event-connected-to-agent.json';
import connectedWithRoutingCriteria from './__fixtures__/contact-event-connected-to-agent-routing-criteria.json';
import contactDataUpdated from './__fixtures__/contact-event-contact-data-updated.json';
import disconnected from './__fixtures__/contact-event-disconnected.json';
import { ConnectContactEvent } from './connect-schemas';
import { convertContactEventToObservations } from './connect-convert-contact-event-to-observations';

const ms = (iso: string) => Date.parse(iso);
const observationsOf = (fixture: unknown) => {
  const event = ConnectContactEvent.parse(fixture);
  return convertContactEventToObservations(event.detail, event.time);
};

describe('convertContactEventToObservations (published samples)', () => {
  it('reads the voice call connected to an agent: initiated, queued, answered by the agent', () => {
    expect(observationsOf(connectedToAgent)).toEqual([
      { kind: 'initiated', contactId: '11111111-1111-1111-1111-111111111111', at: ms('2021-08-04T17:17:53.000Z'), initiationMethod: 'INBOUND' },
      { kind: 'queued', contactId: '11111111-1111-1111-1111-111111111111', at: ms('2021-08-04T17:29:04.000Z') },
      {
        kind: 'answered',
        contactId: '11111111-1111-1111-1111-111111111111',
        at: ms('2021-08-04T17:29:09.000Z'),
        userId: '12345678-1234-1234-1234-123456789012',
      },
    ]);
  });

  it('reads the PascalCase routing-criteria sample exactly like the camelCase one', () => {
    const pascal = observationsOf(connectedWithRoutingCriteria);
    expect(pascal.map((observation) => observation.kind)).toEqual(['queued', 'answered']);
    expect(pascal[1]).toMatchObject({ at: ms('2021-08-04T17:29:09.000Z'), userId: '12345678-1234-1234-1234-123456789012' });
  });

  it('reads the disconnected outbound call: answered, then ended, linked to its previous contact', () => {
    const observations = observationsOf(disconnected);
    expect(observations[0]).toMatchObject({
      kind: 'initiated',
      initialContactId: '11111111-2222-3333-4444-555555555555',
      previousContactId: '11111111-2222-3333-4444-555555555555',
    });
    expect(observations.slice(1)).toEqual([
      { kind: 'answered', contactId: '11111111-1111-1111-1111-111111111111', at: ms('2021-08-04T17:17:55.000Z') },
      { kind: 'disconnected', contactId: '11111111-1111-1111-1111-111111111111', at: ms('2021-08-04T17:18:37.000Z'), answered: true },
    ]);
  });

  it('ignores the 1970 placeholders of the contact-data-updated sample', () => {
    expect(observationsOf(contactDataUpdated).map((observation) => observation.kind)).toEqual(['initiated', 'queued']);
  });

  it('derives why an unanswered call failed from its disconnect reason (TELECOM_*), and when after-contact work ended', () => {
    const detail = ConnectContactEvent.parse({
      ...disconnected,
      detail: {
        ...disconnected.detail,
        connectedToSystemTimestamp: undefined,
        agentInfo: {
          agentArn: 'arn:aws:connect:us-east-1:111122223333:instance/i-1/agent/user-ada',
          acceptedByAgentTimestamp: '2021-08-04T17:17:54.000Z',
          afterContactWorkEndTimestamp: '2021-08-04T17:19:00.000Z',
        },
        disconnectReason: 'TELECOM_BUSY',
        eventType: 'COMPLETED',
      },
    }).detail;
    expect(convertContactEventToObservations(detail).map(({ kind, ...rest }) => ({ kind, ...('failure' in rest ? { failure: rest.failure } : {}) }))).toEqual([
      { kind: 'initiated' },
      { kind: 'accepted' },
      { kind: 'disconnected', failure: 'busy' },
      { kind: 'completed' },
    ]);
  });
});
