import cleared from './__fixtures__/agent-event-contact-cleared.json';
import ended from './__fixtures__/agent-event-contact-ended.json';
import { ConnectAgentEvent } from './connect-schemas';
import { convertAgentEventToObservations } from './connect-convert-agent-event-to-observations';

const ms = (iso: string) => Date.parse(iso);

/** The published ENDED record with the contact in another state. */
function withState(state: string, previousState = 'CONNECTED', channel = 'VOICE') {
  const contact = { ...ended.CurrentAgentSnapshot.Contacts[0], Channel: channel, State: state, StateStartTimestamp: '2018-10-25T18:55:00.000Z' };
  const previous = { ...contact, State: previousState };
  return ConnectAgentEvent.parse({
    ...ended,
    CurrentAgentSnapshot: { ...ended.CurrentAgentSnapshot, Contacts: [contact] },
    PreviousAgentSnapshot: { ...ended.PreviousAgentSnapshot, Contacts: [previous] },
  });
}

describe('convertAgentEventToObservations', () => {
  it('reads the published ENDED record as the end of an answered call (after-contact work starts)', () => {
    expect(convertAgentEventToObservations(ConnectAgentEvent.parse(ended))).toEqual([
      { kind: 'disconnected', contactId: 'ContactId-1', at: ms('2018-10-25T18:55:27.027Z'), answered: true },
    ]);
  });

  it('reads the published record where the contact left the snapshot as after-contact work done', () => {
    expect(convertAgentEventToObservations(ConnectAgentEvent.parse(cleared))).toEqual([
      { kind: 'completed', contactId: 'ContactId-1', at: ms('2018-10-25T18:55:32.032Z') },
    ]);
  });

  it.each([
    ['INCOMING', 'offered'],
    ['PENDING', 'accepted'],
    ['CONNECTING', 'dialing'],
    ['MISSED', 'missed'],
    ['REJECTED', 'missed'],
  ])('reads a callback in state %s as %s, for the agent of the record', (state, kind) => {
    expect(convertAgentEventToObservations(withState(state))).toEqual([
      expect.objectContaining({ kind, contactId: 'ContactId-1', at: ms('2018-10-25T18:55:00.000Z'), userId: 'agent-ARN' }),
    ]);
  });

  it.each([
    ['CONNECTING', 'offered'],
    ['CONNECTED', 'accepted'],
  ])('reads a callback task in state %s as %s: a task offered is CONNECTING, a task connected is accepted, not answered', (state, kind) => {
    expect(convertAgentEventToObservations(withState(state, 'CONNECTING', 'TASK'))).toEqual([expect.objectContaining({ kind, contactId: 'ContactId-1' })]);
  });

  it('dates hold and resume by the record, since hold keeps the CONNECTED start time', () => {
    const held = convertAgentEventToObservations(withState('CONNECTED_ONHOLD'));
    expect(held.at(-1)).toEqual({ kind: 'held', contactId: 'ContactId-1', at: ms('2018-10-25T18:55:27.027Z'), held: true });
    const resumed = convertAgentEventToObservations(withState('CONNECTED', 'CONNECTED_ONHOLD'));
    expect(resumed.at(-1)).toEqual({ kind: 'held', contactId: 'ContactId-1', at: ms('2018-10-25T18:55:27.027Z'), held: false });
  });

  it('does not say why an unanswered dial ended (the adapter reads the contact back)', () => {
    const event = withState('ENDED');
    const contact = event.CurrentAgentSnapshot?.Contacts?.[0];
    if (contact) contact.ConnectedToAgentTimestamp = null;
    expect(convertAgentEventToObservations(event)).toEqual([
      { kind: 'disconnected', contactId: 'ContactId-1', at: ms('2018-10-25T18:55:00.000Z'), answered: false },
    ]);
  });

  it('carries no contact fact for status-only changes', () => {
    expect(convertAgentEventToObservations(ConnectAgentEvent.parse({ ...cleared, PreviousAgentSnapshot: cleared.CurrentAgentSnapshot }))).toEqual([]);
  });
});
