import type { Callback } from '@icc/protocol';
import { buildContextCard } from './build-context-card';

// The card written out by hand for a callback with every optional text, and for one with none.
const BARE: Callback = {
  id: 'cb-0042',
  number: 'CB0000042',
  queueId: 'q-billing',
  mode: 'customer-first',
  customer: { firstName: 'Maya', lastName: 'Lindqvist', phoneNumbers: ['+14155552671'], timeZone: 'America/Los_Angeles', locale: 'en-US' },
  reason: { code: 'billing-issue' },
  shortDescription: 'Invoice twice',
  ivrPath: ['billing', 'agent'],
  attributes: { plan: 'Pro' },
  source: 'web',
  schedule: { type: 'asap' },
  retryPolicy: { maxAttempts: 4, minIntervalSeconds: 120 },
  requestedAt: '2026-03-10T14:05:00Z',
  state: 'pending',
  interactionId: 'ix-0042',
  attempts: 0,
};

const BARE_CARD = {
  callbackNumber: 'CB0000042',
  customerName: 'Maya Lindqvist',
  phoneNumbers: ['+14155552671'],
  customerTimeZone: 'America/Los_Angeles',
  locale: 'en-US',
  queueId: 'q-billing',
  queueName: 'Billing',
  mode: 'customer-first',
  type: 'asap',
  reason: { code: 'billing-issue' },
  reasonLabel: 'Billing Issue',
  shortDescription: 'Invoice twice',
  ivrPath: ['billing', 'agent'],
  attributes: { plan: 'Pro' },
  requestedAt: '2026-03-10T14:05:00Z',
  attempt: 2,
  maxAttempts: 4,
};

describe('buildContextCard', () => {
  it('leaves out the texts the callback does not have', () => {
    const card = buildContextCard(BARE, 'Billing', 2);
    expect(card).toStrictEqual(BARE_CARD);
    for (const key of ['description', 'notes', 'caseRef', 'accountRef', 'scheduledAt']) expect(card).not.toHaveProperty(key);
  });

  it('carries description, notes, case and account references, and the scheduled start', () => {
    const callback: Callback = {
      ...BARE,
      description: 'Charged twice for March',
      notes: 'Prefers mornings',
      caseRef: 'CS0042',
      accountRef: 'ACC-9',
      schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z' },
    };
    expect(buildContextCard(callback, 'Billing', 2)).toStrictEqual({
      ...BARE_CARD,
      type: 'scheduled',
      description: 'Charged twice for March',
      notes: 'Prefers mornings',
      caseRef: 'CS0042',
      accountRef: 'ACC-9',
      scheduledAt: '2026-03-11T16:00:00Z',
    });
  });
});
