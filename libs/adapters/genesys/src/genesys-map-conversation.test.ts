import afterCallWork from './__fixtures__/conversation-after-call-work.json';
import alerting from './__fixtures__/conversation-agent-alerting.json';
import heldMuted from './__fixtures__/conversation-call-held-muted.json';
import noAnswer from './__fixtures__/conversation-customer-no-answer.json';
import previewing from './__fixtures__/conversation-agent-previewing-auto-dial.json';
import scheduled from './__fixtures__/conversation-scheduled.json';
import wrapupTimeout from './__fixtures__/conversation-wrapup-timeout.json';
import { GenesysConversation } from './genesys-schemas';
import { mapGenesysConversation } from './genesys-map-conversation';

const read = (fixture: { eventBody: unknown }) => mapGenesysConversation(GenesysConversation.parse(fixture.eventBody));
const ADA = '0c2b31d0-9f8b-4328-97f2-50ffe98bee50';

describe('mapGenesysConversation', () => {
  it('reads a scheduled callback', () => {
    expect(read(scheduled)).toMatchObject({ callback: 'scheduled', scheduledTime: '2026-03-11T16:00:00.000Z', offers: [], attempts: [] });
  });

  it('reads an offer alerting an agent, with the ICC ids from the attributes', () => {
    const progress = read(alerting);
    expect(progress).toMatchObject({ callback: 'live', attributes: { iccInteractionId: 'ix-0001' } });
    expect(progress.offers).toEqual([expect.objectContaining({ userId: ADA, outcome: 'alerting', media: 'callback', alertingTimeoutMs: 30000, active: true })]);
  });

  it('reads an accepted callback with its auto-dial countdown', () => {
    expect(read(previewing).offers[0]).toMatchObject({ outcome: 'accepted', acceptedAt: '2026-03-10T14:06:12.000Z', autoDialAfterSeconds: 10 });
  });

  it('reads an unanswered call to the customer', () => {
    expect(read(noAnswer).attempts).toEqual([
      expect.objectContaining({ phoneNumber: '+14155552671', outcome: 'no-answer', endedAt: '2026-03-10T14:07:27.000Z' }),
    ]);
  });

  it('reads the call flags of the handling agent', () => {
    expect(read(heldMuted)).toMatchObject({ call: { held: true, muted: true, recording: true }, attempts: [expect.objectContaining({ outcome: 'answered' })] });
  });

  it('reads after-call work and who ended the call', () => {
    const progress = read(afterCallWork);
    expect(progress.call).toBeUndefined();
    expect(progress.attempts[0]).toMatchObject({ outcome: 'answered', endedBy: 'agent' });
    expect(progress.afterCallWork).toEqual({ startedAt: '2026-03-10T14:12:40.000Z', timeoutMs: 20000 });
  });

  it('reads the wrap-up and the end of the callback', () => {
    expect(read(wrapupTimeout)).toMatchObject({ callback: 'ended', wrapup: { code: 'ININ-WRAP-UP-TIMEOUT' } });
  });
});
