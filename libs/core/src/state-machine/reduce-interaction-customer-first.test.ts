import {
  EXAMPLE_PHONE_NUMBERS,
  exampleCallback,
  exampleInteractionEvent,
  Interaction as InteractionSchema,
  type Interaction,
  type InteractionEvent,
} from '@icc/protocol';
import { foldAll, lastOf, story } from './fold-story.test-support';
import { reduceInteraction } from './reduce-interaction';

describe('reduceInteraction, customer-first end to end', () => {
  const event = story('2026-03-10T09:00:00Z');
  const callback = exampleCallback({ mode: 'customer-first' });
  const events: InteractionEvent[] = [
    event('interaction.created', { callback }),
    event('interaction.dialing', { attempt: 1, phoneNumber: EXAMPLE_PHONE_NUMBERS.us, agentId: 'agent-ada', trigger: 'system' }),
    event('interaction.customer-answered'),
    event('interaction.offered', { agentId: 'agent-ada', expiresAt: '2026-03-10T09:01:00Z' }),
    event('interaction.offer-declined', { agentId: 'agent-ada', cause: 'rejected' }),
    event('interaction.offered', { agentId: 'agent-grace', expiresAt: '2026-03-10T09:02:00Z' }),
    event('interaction.accepted', { agentId: 'agent-grace', at: '2026-03-10T09:01:30Z' }),
    event('interaction.recording', { recording: true }),
    event('interaction.consult-started', { agentId: 'agent-linus' }),
    event('interaction.consult-ended', { result: 'merged' }),
    event('interaction.call-transferred', { fromAgentId: 'agent-grace', toAgentId: 'agent-linus', method: 'consult' }),
    event('interaction.escalated', { escalated: true }),
    event('interaction.call-ended', { by: 'agent' }),
    event('interaction.closed', { outcome: 'completed', by: 'agent', wrapUp: { reason: 'escalated', notes: '' } }),
  ];
  // Folded in beforeAll, not while collecting: a fault in the reducer then fails these tests instead of
  // breaking the file's load (which mutation testing would count as an error, not a detection).
  let views: Interaction[] = [];
  beforeAll(() => {
    views = foldAll(events);
  });
  const at = (index: number) => views[index] as Interaction;

  it('dials first, queues the answered customer, then offers the call', () => {
    expect(views.map((view) => view.state)).toEqual([
      'queued',
      'dialing',
      'queued',
      'offered',
      'queued',
      'offered',
      'connected',
      'connected',
      'connected',
      'connected',
      'connected',
      'connected',
      'wrap-up',
      'closed',
    ]);
  });

  it('keeps the customer on the line while the offer goes from agent to agent', () => {
    expect(views.map((view) => view.customerOnLine).slice(0, 7)).toEqual([false, false, true, true, true, true, true]);
    expect(at(1).agentId).toBe('agent-ada');
    expect(at(2).agentId).toBe('agent-ada');
    expect(at(4)).toMatchObject({ declinedBy: ['agent-ada'] });
    expect(at(4).agentId).toBeUndefined();
    expect(at(5)).toMatchObject({ agentId: 'agent-grace', declinedBy: ['agent-ada'] });
  });

  it('bridges on accept: connected at accept time, no preview duration', () => {
    expect(at(6)).toMatchObject({ agentId: 'agent-grace', acceptedAt: '2026-03-10T09:01:30Z', connectedAt: '2026-03-10T09:01:30Z' });
    expect(at(6).previewDurationMs).toBeUndefined();
    expect(at(2).attempts).toEqual([
      { attempt: 1, phoneNumber: '+14155552671', startedAt: events[1]?.at, outcome: 'answered' },
    ]);
  });

  it('follows consult, merge and transfer in the call flags', () => {
    expect(at(7).call).toEqual({ muted: false, recording: true, escalated: false, conference: false });
    expect(at(8).call).toMatchObject({ consultAgentId: 'agent-linus', conference: false });
    expect(at(9).call).toMatchObject({ consultAgentId: 'agent-linus', conference: true });
    expect(at(10).call).toEqual({ muted: false, recording: true, escalated: false, conference: false });
    expect(at(10).agentId).toBe('agent-linus');
    expect(at(11).call.escalated).toBe(true);
  });

  it('closes with the outcome and the wrap-up', () => {
    expect(lastOf(views)).toMatchObject({ outcome: 'completed', customerOnLine: false, wrapUp: { reason: 'escalated' } });
    for (const view of views) expect(InteractionSchema.safeParse(view).error?.issues ?? []).toEqual([]);
  });

  it('drops a cancelled consult', () => {
    const cancelled = reduceInteraction(at(8), exampleInteractionEvent('interaction.consult-ended', { result: 'cancelled', seq: 99 }));
    expect(cancelled.call).toEqual({ muted: false, recording: true, escalated: false, conference: false });
  });
});

describe('reduceInteraction, customer-first retries', () => {
  const event = story('2026-03-10T09:00:00Z');
  const events: InteractionEvent[] = [
    event('interaction.created', { callback: exampleCallback({ mode: 'customer-first' }) }),
    event('interaction.dialing', { attempt: 1, agentId: 'agent-ada', trigger: 'system' }),
    event('interaction.dial-failed', { failure: 'no-answer' }),
    event('interaction.retry-scheduled', { nextRetryAt: '2026-03-10T09:05:30Z' }),
    event('interaction.queued', { cause: 'retry', at: '2026-03-10T09:05:30Z' }),
    event('interaction.dialing', { attempt: 2, phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile, trigger: 'system' }),
    event('interaction.dial-failed', { failure: 'voicemail' }),
    event('interaction.closed', { outcome: 'no-answer', by: 'system' }),
  ];
  // Folded in beforeAll, not while collecting: a fault in the reducer then fails these tests instead of
  // breaking the file's load (which mutation testing would count as an error, not a detection).
  let views: Interaction[] = [];
  beforeAll(() => {
    views = foldAll(events);
  });

  it('waits, requeues and gives up', () => {
    expect(views.map((view) => view.state)).toEqual([
      'queued', 'dialing', 'no-answer', 'retry-wait', 'queued', 'dialing', 'no-answer', 'closed',
    ]);
    expect(views[2]?.agentId).toBeUndefined();
    expect(views[3]?.nextRetryAt).toBe('2026-03-10T09:05:30Z');
    expect(views[4]?.nextRetryAt).toBeUndefined();
    expect(lastOf(views).attempts.map((attempt) => attempt.outcome)).toEqual(['no-answer', 'voicemail']);
    expect(lastOf(views)).toMatchObject({ outcome: 'no-answer', customerOnLine: false });
  });
});
