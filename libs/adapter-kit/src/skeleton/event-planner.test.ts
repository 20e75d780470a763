import { reduceInteraction } from '@icc/core';
import { exampleCallback, type Interaction, type NewInteractionEvent } from '@icc/protocol';
import { createEventPlanner, planCallFlags } from './event-planner';

const ids = { interactionId: 'ix-1', callbackId: 'cb-1', at: '2026-03-10T14:05:00.000Z' };
const created = { type: 'interaction.created', ...ids, callback: exampleCallback({ mode: 'agent-first' }), queueName: 'Support', vendor: 'example', initialState: 'queued' };

function viewAfter(...events: Array<Record<string, unknown>>): Interaction {
  return [created, ...events].reduce<Interaction | undefined>((view, event) => reduceInteraction(view, { ...ids, ...event } as NewInteractionEvent), undefined) as Interaction;
}

const connected = () =>
  viewAfter(
    { type: 'interaction.offered', agentId: 'ada', expiresAt: '2026-03-10T14:06:00Z' },
    { type: 'interaction.accepted', agentId: 'ada' },
    { type: 'interaction.dialing', attempt: 1, phoneNumber: '+15551234567', trigger: 'agent', agentId: 'ada' },
    { type: 'interaction.customer-answered' },
  );

describe('createEventPlanner', () => {
  it('plans from the state each planned event produced, stamping ids and time', () => {
    const plan = createEventPlanner(viewAfter(), '2026-03-10T14:06:00.000Z');
    expect(plan.emit({ type: 'interaction.offered', agentId: 'ada', expiresAt: '2026-03-10T14:06:30.000Z' })).toBe(true);
    expect(plan.view.state).toBe('offered');
    expect(plan.can('interaction.accepted')).toBe(true);
    expect(plan.events).toEqual([{ type: 'interaction.offered', agentId: 'ada', expiresAt: '2026-03-10T14:06:30.000Z', interactionId: 'ix-1', callbackId: plan.view.callbackId, at: '2026-03-10T14:06:00.000Z' }]);
  });

  it('refuses a step the state machine forbids, says why, and keeps what was planned', () => {
    const plan = createEventPlanner(viewAfter(), ids.at);
    expect(plan.can('interaction.customer-answered')).toBe(false);
    expect(plan.emit({ type: 'interaction.customer-answered' })).toBe(false);
    expect(plan.stuck).toEqual(expect.any(String));
    expect(plan.events).toEqual([]);
    expect(plan.view.state).toBe('queued');
  });
});

describe('planCallFlags', () => {
  it('turns the vendor flags of a live call into hold, mute and recording events', () => {
    const plan = createEventPlanner(connected(), ids.at);
    planCallFlags(plan, { held: true, muted: true, recording: true });
    expect(plan.events.map((event) => event.type)).toEqual(['interaction.held', 'interaction.muted', 'interaction.recording']);
    planCallFlags(plan, { held: false, muted: true, recording: true });
    expect(plan.events.at(-1)?.type).toBe('interaction.resumed');
  });

  it('leaves the flags the vendor did not report as they are', () => {
    const plan = createEventPlanner(connected(), ids.at);
    planCallFlags(plan, { held: true });
    expect(plan.events.map((event) => event.type)).toEqual(['interaction.held']);
    planCallFlags(plan, { muted: true });
    expect(plan.events.map((event) => event.type)).toEqual(['interaction.held', 'interaction.muted']);
    planCallFlags(plan, {});
    expect(plan.events).toHaveLength(2);
  });

  it('plans nothing without a live call', () => {
    const plan = createEventPlanner(viewAfter(), ids.at);
    planCallFlags(plan, { held: true, muted: true, recording: true });
    expect(plan.events).toEqual([]);
  });
});
