import type { Contact } from '@aws-sdk/client-connect';
import { convertContactEventToObservations } from './connect-convert-contact-event-to-observations';
import { convertDescribedContactToDetail } from './connect-convert-described-contact-to-detail';

const INSTANCE = 'arn:aws:connect:us-east-1:111122223333:instance/i-1';
const date = (iso: string) => new Date(iso);

describe('convertDescribedContactToDetail', () => {
  const contact: Contact = {
    Id: 'contact-2',
    InitialContactId: 'contact-1',
    PreviousContactId: 'contact-1',
    InitiationMethod: 'OUTBOUND',
    Channel: 'VOICE',
    QueueInfo: { Id: 'queue-support', EnqueueTimestamp: date('2026-01-05T09:05:00Z') },
    AgentInfo: {
      Id: 'user-ada',
      AcceptedByAgentTimestamp: date('2026-01-05T09:05:10Z'),
    },
    InitiationTimestamp: date('2026-01-05T09:00:00Z'),
    DisconnectTimestamp: date('2026-01-05T09:06:20Z'),
    DisconnectReason: 'TELECOM_TIMEOUT',
  };

  it('reads a contact back in the shape of a contact event, ARNs rebuilt from ids', () => {
    expect(convertDescribedContactToDetail(contact, INSTANCE)).toMatchObject({
      eventType: 'DESCRIBED',
      contactId: 'contact-2',
      previousContactId: 'contact-1',
      channel: 'VOICE',
      queueInfo: { queueArn: `${INSTANCE}/queue/queue-support`, enqueueTimestamp: '2026-01-05T09:05:00.000Z' },
      agentInfo: { agentArn: `${INSTANCE}/agent/user-ada` },
      disconnectReason: 'TELECOM_TIMEOUT',
    });
  });

  it('yields the facts the lost events would have carried, the reason of the failed dial included', () => {
    const facts = convertContactEventToObservations(convertDescribedContactToDetail(contact, INSTANCE));
    expect(facts.map((fact) => fact.kind)).toEqual(['initiated', 'queued', 'accepted', 'disconnected']);
    expect(facts.at(-1)).toMatchObject({ answered: false, failure: 'no-answer' });
  });
});
