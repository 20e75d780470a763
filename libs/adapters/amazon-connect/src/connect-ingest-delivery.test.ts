import ended from './__fixtures__/agent-event-contact-ended.json';
import connected from './__fixtures__/contact-event-connected-to-agent.json';
import { parseConnectDelivery } from './connect-ingest-delivery';

describe('parseConnectDelivery', () => {
  it('reads a published contact event and a published agent event, keeping unknown fields', () => {
    const contact = parseConnectDelivery(JSON.stringify(connected));
    expect(contact).toMatchObject({ ok: true, delivery: { stream: 'contact-events', event: { id: connected.id, detail: { eventType: 'CONNECTED_TO_AGENT' } } } });
    if (contact.ok && contact.delivery.stream === 'contact-events') expect(contact.delivery.event.detail['tags']).toBeDefined();
    expect(parseConnectDelivery(JSON.stringify(ended))).toMatchObject({ ok: true, delivery: { stream: 'agent-events', event: { EventId: 'EventId-1' } } });
  });

  it.each([
    ['not JSON', '{"detail-type":', 'not JSON'],
    ['an array', '[]', 'not a JSON object'],
    ['another EventBridge detail-type', JSON.stringify({ ...connected, 'detail-type': 'Contact Lens Analysis State Change' }), 'unsupported detail-type'],
    ['a contact event with wrong types', JSON.stringify({ ...connected, detail: { eventType: 42, contactId: null } }), 'detail'],
    ['an agent event without id', JSON.stringify({ ...ended, EventId: undefined }), 'EventId'],
    ['something else', JSON.stringify({ hello: 'world' }), 'neither'],
  ])('refuses %s with the reason', (_what, body, reason) => {
    const parsed = parseConnectDelivery(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
