import { z } from 'zod';
import { parseJsonObjectBody, parsePushEvent } from './parse-push-body';

describe('parseJsonObjectBody', () => {
  it('reads a JSON object and refuses anything else with the reason', () => {
    expect(parseJsonObjectBody('{"id":"e-1"}')).toEqual({ ok: true, body: { id: 'e-1' } });
    expect(parseJsonObjectBody('{oops')).toEqual({ ok: false, reason: 'the body is not JSON' });
    for (const body of ['[]', 'null', '"text"', '3']) expect(parseJsonObjectBody(body)).toEqual({ ok: false, reason: 'the body is not a JSON object' });
  });
});

describe('parsePushEvent', () => {
  const Event = z.object({ id: z.string().min(1), detail: z.object({ contactId: z.string() }) });
  const accept = (event: z.output<typeof Event>) => ({ delivery: event.detail.contactId, id: `events:${event.id}` });

  it('hands the parsed event to `accept` for the delivery and its id', () => {
    expect(parsePushEvent(Event, { id: 'e-1', detail: { contactId: 'c-1' } }, 'event', accept)).toEqual({ ok: true, delivery: 'c-1', id: 'events:e-1' });
  });

  it('names the first mismatch, its path dotted, or (root) for the body itself', () => {
    const nested = parsePushEvent(Event, { id: 'e-1', detail: { contactId: 7 } }, 'contact event', accept);
    expect(nested).toMatchObject({ ok: false, reason: expect.stringMatching(/^contact event does not match the schema at detail\.contactId: /) });
    const root = parsePushEvent(Event, 'text', 'agent event', accept);
    expect(root).toMatchObject({ ok: false, reason: expect.stringMatching(/^agent event does not match the schema at \(root\): /) });
  });
});
