import { offerTimeoutMs, reduceInteraction } from '@icc/core';
import { exampleCallback, type Interaction, type NewInteractionEvent, type RoutingMode } from '@icc/protocol';
import { planProgressEvents, type CallbackProgress, type ProgressPlanContext } from './plan-progress-events';

/** A vendor's wrap-up as the tests' vendor reports it: a code, `TIMEOUT` when after-call work ran out. */
type TestWrapup = { code: string };

const NOW = Date.parse('2026-03-10T14:06:12Z');
const users: Record<string, string> = { 'u-ada': 'agent-ada', 'u-grace': 'agent-grace' };
const ids = { interactionId: 'ix-0001', callbackId: 'cb-0001', at: '2026-03-10T14:05:00Z' };

function viewOf(mode: RoutingMode, ...events: Array<Record<string, unknown>>): Interaction {
  const created = { type: 'interaction.created', ...ids, callback: exampleCallback({ mode }), queueName: 'Support', vendor: 'test-vendor', initialState: 'queued' };
  return [created, ...events].reduce<Interaction | undefined>((view, event) => reduceInteraction(view, { ...ids, ...event } as NewInteractionEvent), undefined) as Interaction;
}

function context(overrides: Partial<ProgressPlanContext<TestWrapup>> = {}): ProgressPlanContext<TestWrapup> {
  return {
    vendor: 'Test vendor',
    now: NOW,
    agentOf: (userId) => users[userId],
    cursor: { offered: 0, resolved: 0 },
    agentDialPending: false,
    retryPolicy: { minIntervalSeconds: 60, maxAttempts: 2 },
    wrapUpOf: (wrapup) => (wrapup.code === 'TIMEOUT' ? { by: 'system' } : { by: 'agent', wrapUp: { reason: 'resolved', notes: wrapup.code } }),
    ...overrides,
  };
}

const progress = (overrides: Partial<CallbackProgress<TestWrapup>>): CallbackProgress<TestWrapup> => ({
  callback: 'live',
  offers: [],
  attempts: [],
  ...overrides,
});
const offer = (userId: string, outcome: 'alerting' | 'accepted' | 'rejected' | 'timeout', extra: Record<string, unknown> = {}) => ({
  userId,
  outcome,
  alertingTimeoutMs: 30_000,
  ...extra,
});
const types = (events: readonly NewInteractionEvent[]) => events.map((event) => event.type);

describe('planProgressEvents', () => {
  it('fills in the steps a snapshot skipped: offered and accepted, with the auto-dial instant', () => {
    const plan = planProgressEvents(
      viewOf('agent-first'),
      progress({ offers: [offer('u-ada', 'accepted', { acceptedAt: '2026-03-10T14:06:12.000Z', autoDialAfterSeconds: 10 })] }),
      context(),
    );
    expect(plan.events).toEqual([
      expect.objectContaining({ type: 'interaction.offered', agentId: 'agent-ada', expiresAt: '2026-03-10T14:06:42.000Z' }),
      expect.objectContaining({ type: 'interaction.accepted', agentId: 'agent-ada', autoDialAt: '2026-03-10T14:06:22.000Z' }),
    ]);
    expect(plan.cursor).toEqual({ offered: 1, resolved: 1 });
  });

  it("gives an offer without the vendor's alerting timeout core's default offer timeout", () => {
    const { alertingTimeoutMs: _vendorTimeout, ...alerting } = offer('u-ada', 'alerting');
    const plan = planProgressEvents(viewOf('agent-first'), progress({ offers: [alerting] }), context());
    expect(plan.events).toEqual([expect.objectContaining({ type: 'interaction.offered', expiresAt: new Date(NOW + offerTimeoutMs(undefined)).toISOString() })]);
  });

  it('plans nothing for a snapshot already applied', () => {
    const view = viewOf('agent-first', { type: 'interaction.offered', agentId: 'agent-ada', expiresAt: '2026-03-10T14:06:42Z' });
    expect(planProgressEvents(view, progress({ offers: [offer('u-ada', 'alerting')] }), context({ cursor: { offered: 1, resolved: 0 } })).events).toEqual([]);
  });

  it('moves an offer on after a reject, skipping users that are not mapped', () => {
    const plan = planProgressEvents(
      viewOf('agent-first'),
      progress({ offers: [offer('u-ada', 'rejected'), offer('u-stranger', 'timeout'), offer('u-grace', 'alerting')] }),
      context(),
    );
    expect(plan.events.map((event) => [event.type, 'agentId' in event ? event.agentId : undefined, 'cause' in event ? event.cause : undefined])).toEqual([
      ['interaction.offered', 'agent-ada', undefined],
      ['interaction.offer-declined', 'agent-ada', 'rejected'],
      ['interaction.offered', 'agent-grace', undefined],
    ]);
  });

  it('marks the agent\'s own Call number as such', () => {
    const view = viewOf('agent-first', { type: 'interaction.offered', agentId: 'agent-ada', expiresAt: '2026-03-10T14:06:42Z' }, { type: 'interaction.accepted', agentId: 'agent-ada' });
    const plan = planProgressEvents(
      view,
      progress({ offers: [offer('u-ada', 'accepted')], attempts: [{ phoneNumber: '+14155552671', outcome: 'ringing' }] }),
      context({ cursor: { offered: 1, resolved: 1 }, agentDialPending: true }),
    );
    expect(plan.events).toEqual([expect.objectContaining({ type: 'interaction.dialing', attempt: 1, trigger: 'agent', agentId: 'agent-ada' })]);
    expect(plan.agentDialSeen).toBe(true);
  });

  it('customer-first: a failed call schedules the retry after retryDelaySeconds', () => {
    const plan = planProgressEvents(
      viewOf('customer-first'),
      progress({ attempts: [{ phoneNumber: '+14155552671', outcome: 'no-answer', endedAt: '2026-03-10T14:06:37.000Z' }] }),
      context(),
    );
    expect(types(plan.events)).toEqual(['interaction.dialing', 'interaction.dial-failed', 'interaction.retry-scheduled']);
    expect(plan.events[2]).toMatchObject({ nextRetryAt: '2026-03-10T14:07:37.000Z' });
  });

  it('customer-first: the callback ended after the last failed call closes as failed', () => {
    const failed = { phoneNumber: '+14155552671', outcome: 'busy' as const, endedAt: '2026-03-10T14:06:13.000Z' };
    const plan = planProgressEvents(viewOf('customer-first'), progress({ callback: 'ended', attempts: [failed] }), context({ retryPolicy: { minIntervalSeconds: 60, maxAttempts: 1 } }));
    expect(types(plan.events)).toEqual(['interaction.dialing', 'interaction.dial-failed', 'interaction.closed']);
    expect(plan.events[2]).toMatchObject({ outcome: 'failed', by: 'system' });
  });

  it('customer-first: answered before offered, then bridged on accept', () => {
    const plan = planProgressEvents(
      viewOf('customer-first'),
      progress({ attempts: [{ phoneNumber: '+14155552671', outcome: 'answered' }], offers: [offer('u-ada', 'accepted')] }),
      context(),
    );
    expect(types(plan.events)).toEqual(['interaction.dialing', 'interaction.customer-answered', 'interaction.offered', 'interaction.accepted']);
  });

  it('closes by the system when after-call work timed out', () => {
    const view = viewOf(
      'agent-first',
      { type: 'interaction.offered', agentId: 'agent-ada', expiresAt: '2026-03-10T14:06:42Z' },
      { type: 'interaction.accepted', agentId: 'agent-ada' },
      { type: 'interaction.dialing', attempt: 1, phoneNumber: '+14155552671', trigger: 'agent' },
      { type: 'interaction.customer-answered' },
      { type: 'interaction.call-ended', by: 'agent' },
    );
    const plan = planProgressEvents(
      view,
      progress({
        callback: 'ended',
        offers: [offer('u-ada', 'accepted')],
        attempts: [{ phoneNumber: '+14155552671', outcome: 'answered', endedBy: 'agent' }],
        wrapup: { code: 'TIMEOUT' },
      }),
      context({ cursor: { offered: 1, resolved: 1 } }),
    );
    expect(plan.events).toEqual([expect.objectContaining({ type: 'interaction.closed', outcome: 'completed', by: 'system' })]);
  });

  it('reschedules when the vendor holds the callback for another time', () => {
    const plan = planProgressEvents(viewOf('agent-first'), progress({ callback: 'scheduled', scheduledTime: '2026-03-11T16:00:00Z' }), context({ rescheduledBy: 'api' }));
    expect(plan.events).toEqual([expect.objectContaining({ type: 'interaction.rescheduled', scheduledAt: '2026-03-11T16:00:00.000Z', by: 'api' })]);
  });

  it('closes as cancelled, naming the vendor, when the vendor ended a callback nobody took', () => {
    const plan = planProgressEvents(viewOf('agent-first'), progress({ callback: 'ended' }), context());
    expect(plan.events).toEqual([expect.objectContaining({ type: 'interaction.closed', outcome: 'cancelled', by: 'system', detail: 'Test vendor ended the callback' })]);
  });

  it('plans nothing for a closed interaction', () => {
    const closed = viewOf('agent-first', { type: 'interaction.closed', outcome: 'cancelled', by: 'api' });
    expect(planProgressEvents(closed, progress({ offers: [offer('u-ada', 'alerting')] }), context()).events).toEqual([]);
  });
});
