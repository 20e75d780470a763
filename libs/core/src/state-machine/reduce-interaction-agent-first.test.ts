import { EXAMPLE_PHONE_NUMBERS, Interaction as InteractionSchema, type Interaction, type InteractionEvent } from '@icc/protocol';
import { foldAll, lastOf, story } from './fold-story.test-support';

describe('reduceInteraction, agent-first end to end', () => {
  const event = story('2026-03-10T14:05:00Z');
  const events: InteractionEvent[] = [
    event('interaction.created'),
    event('interaction.offered', { agentId: 'agent-grace', expiresAt: '2026-03-10T14:05:40Z' }),
    event('interaction.offer-declined', { agentId: 'agent-grace', cause: 'timeout' }),
    event('interaction.offered', { agentId: 'agent-ada', expiresAt: '2026-03-10T14:06:30Z', at: '2026-03-10T14:06:00Z' }),
    event('interaction.accepted', { agentId: 'agent-ada', at: '2026-03-10T14:06:12Z', autoDialAt: '2026-03-10T14:11:12Z' }),
    event('interaction.dialing', { attempt: 1, phoneNumber: EXAMPLE_PHONE_NUMBERS.us, trigger: 'agent', at: '2026-03-10T14:07:02Z' }),
    event('interaction.dial-failed', { failure: 'busy', at: '2026-03-10T14:07:20Z' }),
    event('interaction.dialing', { attempt: 2, phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile, trigger: 'agent', at: '2026-03-10T14:08:00Z' }),
    event('interaction.customer-answered', { at: '2026-03-10T14:08:09Z' }),
    event('interaction.muted', { muted: true }),
    event('interaction.held'),
    event('interaction.resumed'),
    event('interaction.muted', { muted: false }),
    event('interaction.call-ended', { by: 'customer', at: '2026-03-10T14:15:00Z', autoCloseAt: '2026-03-10T14:20:00Z' }),
    event('interaction.closed', { outcome: 'completed', by: 'agent', wrapUp: { reason: 'resolved', notes: 'Firmware rolled back' } }),
  ];
  // Folded in beforeAll, not while collecting: a fault in the reducer then fails these tests instead of
  // breaking the file's load (which mutation testing would count as an error, not a detection).
  let views: Interaction[] = [];
  beforeAll(() => {
    views = foldAll(events);
  });
  const at = (index: number) => views[index] as Interaction;

  it('walks the states of the state machine in docs/architecture.md', () => {
    expect(views.map((view) => view.state)).toEqual([
      'queued',
      'offered',
      'queued',
      'offered',
      'previewing',
      'dialing',
      'no-answer',
      'dialing',
      'connected',
      'connected',
      'on-hold',
      'connected',
      'connected',
      'wrap-up',
      'closed',
    ]);
    expect(views.map((view) => view.seq)).toEqual(events.map((folded) => folded.seq));
  });

  it('remembers who declined until someone accepts, and keeps the first offer time', () => {
    expect(at(1)).toMatchObject({ agentId: 'agent-grace', offerExpiresAt: '2026-03-10T14:05:40Z', offeredAt: events[1]?.at });
    expect(at(2).declinedBy).toEqual(['agent-grace']);
    expect(at(2).agentId).toBeUndefined();
    expect(at(2).offerExpiresAt).toBeUndefined();
    expect(at(3)).toMatchObject({ agentId: 'agent-ada', declinedBy: ['agent-grace'], offeredAt: events[1]?.at });
    expect(at(4)).toMatchObject({ agentId: 'agent-ada', declinedBy: [], acceptedAt: '2026-03-10T14:06:12Z' });
    expect(at(4).offerExpiresAt).toBeUndefined();
  });

  it('sets the auto-dial deadline on accept and clears it on the first dial', () => {
    expect(at(4).autoDialAt).toBe('2026-03-10T14:11:12Z');
    expect(at(5).autoDialAt).toBeUndefined();
  });

  it('measures the preview duration from accept to the first dial only', () => {
    expect(at(5).previewDurationMs).toBe(50_000);
    expect(at(5).firstDialedAt).toBe('2026-03-10T14:07:02Z');
    expect(at(7).previewDurationMs).toBe(50_000);
    expect(at(7).firstDialedAt).toBe('2026-03-10T14:07:02Z');
  });

  it('records each attempt with its number and outcome, and shows attempt n on the card', () => {
    expect(at(6).attempts).toEqual([
      { attempt: 1, phoneNumber: '+14155552671', startedAt: '2026-03-10T14:07:02Z', outcome: 'busy', endedAt: '2026-03-10T14:07:20Z' },
    ]);
    expect(at(6).agentId).toBe('agent-ada');
    expect(at(7).card.attempt).toBe(2);
    expect(lastOf(views).attempts).toEqual([
      { attempt: 1, phoneNumber: '+14155552671', startedAt: '2026-03-10T14:07:02Z', outcome: 'busy', endedAt: '2026-03-10T14:07:20Z' },
      { attempt: 2, phoneNumber: '+14155550198', startedAt: '2026-03-10T14:08:00Z', outcome: 'answered', endedAt: '2026-03-10T14:15:00Z' },
    ]);
  });

  it('tracks the customer on the line and the call flags', () => {
    expect(views.map((view) => view.customerOnLine)).toEqual([
      false, false, false, false, false, false, false, false, true, true, true, true, true, false, false,
    ]);
    expect(at(8).connectedAt).toBe('2026-03-10T14:08:09Z');
    expect(at(9).call.muted).toBe(true);
    expect(at(12).call.muted).toBe(false);
    expect(at(11).connectedAt).toBe('2026-03-10T14:08:09Z');
  });

  it('ends in wrap-up with an auto-close deadline, then closes with the wrap-up', () => {
    expect(at(13)).toMatchObject({ endedAt: '2026-03-10T14:15:00Z', autoCloseAt: '2026-03-10T14:20:00Z' });
    const closed = lastOf(views);
    expect(closed).toMatchObject({
      outcome: 'completed',
      closedAt: events[14]?.at,
      wrapUp: { reason: 'resolved', notes: 'Firmware rolled back' },
      agentId: 'agent-ada',
    });
    expect(closed.autoCloseAt).toBeUndefined();
  });

  it('produces views that satisfy the Interaction schema at every step', () => {
    for (const view of views) expect(InteractionSchema.safeParse(view).error?.issues ?? []).toEqual([]);
  });
});
