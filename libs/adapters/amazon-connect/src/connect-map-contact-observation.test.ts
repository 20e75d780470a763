import { reduceInteraction } from '@icc/core';
import { exampleInteraction, exampleQueueConfig, type Interaction, type NewInteractionEvent, type QueueConfig } from '@icc/protocol';
import type { ContactObservation } from './connect-contact-observation';
import type { ContactProgress } from './connect-contact-progress';
import { mapContactObservation } from './connect-map-contact-observation';

const T0 = Date.parse('2026-01-05T09:00:00Z');
const at = (seconds: number) => T0 + seconds * 1000;
const contactId = 'contact-1';
const users: Record<string, string> = { 'user-ada': 'agent-ada', 'user-grace': 'agent-grace' };

interface Replay {
  events: NewInteractionEvent[];
  interaction: Interaction;
  progress: ContactProgress;
  readBacks: number;
}

/** Applies facts one by one, as the adapter does, folding the events into the interaction. */
function replay(
  facts: ContactObservation[],
  options: { interaction?: Interaction; progress?: Partial<ContactProgress>; queue?: QueueConfig } = {},
): Replay {
  let interaction = options.interaction ?? exampleInteraction({ state: 'queued', queueId: 'q-1' });
  let progress: ContactProgress = {
    contactId,
    initialContactId: contactId,
    interactionId: interaction.id,
    role: 'callback',
    phoneNumber: '+14155552671',
    ...options.progress,
  };
  const events: NewInteractionEvent[] = [];
  let readBacks = 0;
  for (const fact of facts) {
    const mapped = mapContactObservation(fact, progress, {
      interaction,
      queue: options.queue ?? exampleQueueConfig({ id: 'q-1', offerTimeoutSeconds: 30 }),
      agentIdOf: (userId) => users[userId],
    });
    for (const event of mapped.events) interaction = reduceInteraction(interaction, event);
    events.push(...mapped.events);
    progress = mapped.progress;
    if (mapped.needsReadBack) readBacks += 1;
  }
  return { events, interaction, progress, readBacks };
}

const types = (result: Replay) => result.events.map((event) => event.type);

describe('mapContactObservation', () => {
  it('maps the task offered and accepted, then the call the agent places and its answer, to the agent-first states', () => {
    const task = replay([
      { kind: 'offered', contactId, at: at(1), userId: 'user-ada' },
      { kind: 'accepted', contactId, at: at(5), userId: 'user-ada' },
      // A task has no dial of its own: nothing here moves the callback on.
      { kind: 'dialing', contactId, at: at(10) },
    ]);
    expect(types(task)).toEqual(['interaction.offered', 'interaction.accepted']);
    expect(task.events[0]).toMatchObject({ agentId: 'agent-ada', expiresAt: new Date(at(31)).toISOString() });
    const call = replay(
      [
        { kind: 'dialing', contactId, at: at(10), userId: 'user-ada' },
        { kind: 'answered', contactId, at: at(13) },
      ],
      { interaction: task.interaction, progress: { role: 'redial' } },
    );
    expect(types(call)).toEqual(['interaction.dialing', 'interaction.customer-answered']);
    expect(call.events[0]).toMatchObject({ attempt: 1, phoneNumber: '+14155552671', trigger: 'agent', agentId: 'agent-ada' });
    expect(call.interaction.state).toBe('connected');
  });

  it('gives no auto-dial time to an accept, even on an auto-dial queue: an accepted task dials nobody', () => {
    const queue = exampleQueueConfig({ id: 'q-1', dialMethod: { type: 'auto', countdownSeconds: 10 } });
    const result = replay(
      [
        { kind: 'offered', contactId, at: at(1), userId: 'user-ada' },
        { kind: 'accepted', contactId, at: at(2), userId: 'user-ada' },
      ],
      { queue },
    );
    expect(result.events[1]).toMatchObject({ type: 'interaction.accepted' });
    expect(result.events[1]).not.toHaveProperty('autoDialAt');
  });

  it('applies a fact once, however often it is delivered', () => {
    const offer: ContactObservation = { kind: 'offered', contactId, at: at(1), userId: 'user-ada' };
    const accepted: ContactObservation = { kind: 'accepted', contactId, at: at(5), userId: 'user-ada' };
    const result = replay([offer, offer, accepted, accepted]);
    expect(types(result)).toEqual(['interaction.offered', 'interaction.accepted']);
  });

  it('fills in the steps a lost event would have shown, when a later fact implies them', () => {
    const task = replay([{ kind: 'accepted', contactId, at: at(5), userId: 'user-ada' }]);
    expect(types(task)).toEqual(['interaction.offered', 'interaction.accepted']);
    const call = replay([{ kind: 'answered', contactId, at: at(13), userId: 'user-ada' }], { interaction: task.interaction, progress: { role: 'redial' } });
    expect(types(call)).toEqual(['interaction.dialing', 'interaction.customer-answered']);
  });

  it('ignores an older fact that arrives after a newer one', () => {
    const result = replay([
      { kind: 'held', contactId, at: at(20), held: false },
      { kind: 'held', contactId, at: at(18), held: true },
    ], { interaction: exampleInteraction({ state: 'connected', agentId: 'agent-ada' }), progress: { accepted: true, dialed: true, answered: true } });
    expect(result.events).toEqual([]);
    expect(result.interaction.state).toBe('connected');
  });

  it('tells a reject the adapter sent from an offer that timed out', () => {
    const result = replay(
      [
        { kind: 'offered', contactId, at: at(1), userId: 'user-ada' },
        { kind: 'missed', contactId, at: at(2), userId: 'user-ada' },
        { kind: 'offered', contactId, at: at(2), userId: 'user-grace' },
        { kind: 'missed', contactId, at: at(32), userId: 'user-grace' },
      ],
      { progress: { rejectSentBy: 'user-ada' } },
    );
    expect(result.events.filter((event) => event.type === 'interaction.offer-declined')).toEqual([
      expect.objectContaining({ agentId: 'agent-ada', cause: 'rejected' }),
      expect.objectContaining({ agentId: 'agent-grace', cause: 'timeout' }),
    ]);
  });

  it("declines the previous agent's offer when the next offer arrives before their MISSED", () => {
    const result = replay([
      { kind: 'offered', contactId, at: at(1), userId: 'user-ada' },
      { kind: 'offered', contactId, at: at(31), userId: 'user-grace' },
      { kind: 'missed', contactId, at: at(31), userId: 'user-ada' },
    ]);
    expect(types(result)).toEqual(['interaction.offered', 'interaction.offer-declined', 'interaction.offered']);
    expect(result.interaction.agentId).toBe('agent-grace');
  });

  it('asks for a read-back when an unanswered dial ended without saying why', () => {
    const dialing = exampleInteraction({ state: 'dialing', agentId: 'agent-ada', attempts: [{ attempt: 1, phoneNumber: '+14155552671', startedAt: new Date(at(0)).toISOString() }] });
    const vague = replay([{ kind: 'disconnected', contactId, at: at(60), answered: false }], { interaction: dialing, progress: { role: 'redial', dialed: true } });
    expect(vague).toMatchObject({ events: [], readBacks: 1 });
    const precise = replay([{ kind: 'disconnected', contactId, at: at(60), answered: false, failure: 'busy' }], { interaction: dialing, progress: { role: 'redial', dialed: true } });
    expect(precise.events).toEqual([expect.objectContaining({ type: 'interaction.dial-failed', failure: 'busy' })]);
  });

  it('ends a connected call with the party Connect names, and the auto-close time of an auto queue', () => {
    const queue = exampleQueueConfig({ id: 'q-1', dialMethod: { type: 'auto', countdownSeconds: 10 }, autoCloseSeconds: 20 });
    const result = replay([{ kind: 'disconnected', contactId, at: at(100), answered: true, by: 'customer' }], {
      interaction: exampleInteraction({ state: 'connected', agentId: 'agent-ada' }),
      progress: { accepted: true, dialed: true, answered: true },
      queue,
    });
    expect(result.events).toEqual([expect.objectContaining({ type: 'interaction.call-ended', by: 'customer', autoCloseAt: new Date(at(120)).toISOString() })]);
  });

  it('closes a callback Connect ended before anyone dialed it, and ignores contacts that were replaced', () => {
    const ended = replay([{ kind: 'disconnected', contactId, at: at(5), answered: false, failure: 'failed' }]);
    expect(ended.events).toEqual([expect.objectContaining({ type: 'interaction.closed', outcome: 'failed', by: 'system' })]);
    const replaced = replay([{ kind: 'disconnected', contactId, at: at(5), answered: false, failure: 'failed' }], { progress: { superseded: true } });
    expect(replaced.events).toEqual([]);
  });

  it('closes wrap-up when Connect completes the contact (after-contact work timed out)', () => {
    const result = replay([{ kind: 'completed', contactId, at: at(200) }], {
      interaction: exampleInteraction({ state: 'wrap-up', agentId: 'agent-ada' }),
      progress: { accepted: true, dialed: true, answered: true, disconnected: true },
    });
    expect(result.events).toEqual([expect.objectContaining({ type: 'interaction.closed', outcome: 'completed', by: 'system' })]);
  });
});
