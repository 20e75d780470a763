import { FULL_CAPABILITIES, type AdapterCapabilities } from './adapter-capabilities';
import type { Agent } from './agent';
import type { Callback } from './callback';
import { CALLBACK_REASON_LABELS } from './callback-reason';
import type { CreateCallbackRequest } from './callback-request';
import type { ContextCard } from './context-card';
import type { Customer } from './customer';
import type { ErrorBody } from './error-body';
import type { Interaction } from './interaction';
import type { QueueConfig } from './queue-config';
import type { QueueHistoryPoint } from './queue-history';
import type { QueuePosition, QueueStats } from './queue-stats';

/**
 * Builders of valid example messages for tests and docs. Every builder returns a fresh object
 * (safe to mutate) and takes shallow overrides; the defaults describe one consistent story:
 * Maya Lindqvist asked the Support queue for an ASAP callback about a product issue.
 */

/** Valid, dialable E.164 numbers from three numbering plans. */
export const EXAMPLE_PHONE_NUMBERS = {
  us: '+14155552671',
  usMobile: '+14155550198',
  gb: '+442071838750',
  fr: '+33142685300',
} as const;

/** Identifiers and instants the examples share, so tests can refer to them by name. */
export const EXAMPLE_IDS = {
  callbackId: 'cb-0001',
  callbackNumber: 'CB0000123',
  interactionId: 'ix-0001',
  transferInteractionId: 'ix-0002',
  queueId: 'q-support',
  salesQueueId: 'q-sales',
  agentId: 'agent-ada',
  otherAgentId: 'agent-grace',
  supervisorId: 'sup-linus',
  vendor: 'mock',
} as const;

export const EXAMPLE_TIMES = {
  requestedAt: '2026-03-10T14:05:00Z',
  offeredAt: '2026-03-10T14:06:00Z',
  acceptedAt: '2026-03-10T14:06:12Z',
  firstDialAt: '2026-03-10T14:07:02Z',
  answeredAt: '2026-03-10T14:07:15Z',
  endedAt: '2026-03-10T14:12:40Z',
  closedAt: '2026-03-10T14:13:30Z',
  scheduledStart: '2026-03-11T16:00:00Z',
  scheduledWindowEnd: '2026-03-11T17:00:00Z',
  expireAt: '2026-03-14T23:59:59Z',
} as const;

export function exampleCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    firstName: 'Maya',
    lastName: 'Lindqvist',
    phoneNumbers: [EXAMPLE_PHONE_NUMBERS.us, EXAMPLE_PHONE_NUMBERS.usMobile],
    timeZone: 'America/Los_Angeles',
    locale: 'en-US',
    ...overrides,
  };
}

/** Body of `POST /v1/callbacks` with every default spelled out (so it is also the parsed form). */
export function exampleCreateCallbackRequest(overrides: Partial<CreateCallbackRequest> = {}): CreateCallbackRequest {
  return {
    queueId: EXAMPLE_IDS.queueId,
    customer: exampleCustomer(),
    reason: { code: 'product-issue' },
    shortDescription: 'Router keeps dropping the connection',
    description: 'Model AX-3000 restarts every few minutes since the last firmware update.',
    caseRef: 'CS0042017',
    ivrPath: ['main-menu', 'support', 'callback'],
    attributes: { productModel: 'AX-3000', firmware: '4.2.1' },
    schedule: { type: 'asap' },
    source: 'ivr',
    ...overrides,
  };
}

/** A scheduled request: tomorrow 16:00–17:00 UTC, in the customer's Paris time zone. */
export function exampleScheduledCreateCallbackRequest(
  overrides: Partial<CreateCallbackRequest> = {},
): CreateCallbackRequest {
  return exampleCreateCallbackRequest({
    customer: exampleCustomer({
      firstName: 'Camille',
      lastName: 'Durand',
      phoneNumbers: [EXAMPLE_PHONE_NUMBERS.fr],
      timeZone: 'Europe/Paris',
      locale: 'fr-FR',
    }),
    reason: { code: 'billing-issue' },
    shortDescription: 'Question about the March invoice',
    schedule: { type: 'scheduled', start: EXAMPLE_TIMES.scheduledStart, windowEnd: EXAMPLE_TIMES.scheduledWindowEnd },
    expireAt: EXAMPLE_TIMES.expireAt,
    source: 'web',
    ...overrides,
  });
}

export function exampleCallback(overrides: Partial<Callback> = {}): Callback {
  const request = exampleCreateCallbackRequest();
  return {
    id: EXAMPLE_IDS.callbackId,
    number: EXAMPLE_IDS.callbackNumber,
    idempotencyKey: 'ivr-7f3c2a1e-0b4d-4e55-9a2f-1c6d8e9b0a11',
    queueId: request.queueId,
    mode: 'agent-first',
    customer: request.customer,
    reason: request.reason,
    shortDescription: request.shortDescription,
    description: request.description,
    caseRef: request.caseRef,
    ivrPath: request.ivrPath,
    attributes: request.attributes,
    schedule: request.schedule,
    retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 },
    source: request.source,
    requestedAt: EXAMPLE_TIMES.requestedAt,
    state: 'pending',
    interactionId: EXAMPLE_IDS.interactionId,
    attempts: 0,
    ...overrides,
  };
}

export function exampleQueueConfig(overrides: Partial<QueueConfig> = {}): QueueConfig {
  return {
    id: EXAMPLE_IDS.queueId,
    name: 'Support',
    defaultMode: 'agent-first',
    dialMethod: { type: 'manual' },
    autoCloseSeconds: 300,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: {
      timeZone: 'America/New_York',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
      closedDates: ['2026-12-25'],
    },
    retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 },
    ...overrides,
  };
}

/** A customer-first queue that dials automatically (Genesys `enableAutoDialAndEnd`), in London. */
export function exampleSalesQueueConfig(overrides: Partial<QueueConfig> = {}): QueueConfig {
  return exampleQueueConfig({
    id: EXAMPLE_IDS.salesQueueId,
    name: 'Sales',
    defaultMode: 'customer-first',
    dialMethod: { type: 'auto', countdownSeconds: 15 },
    autoCloseSeconds: 60,
    offerTimeoutSeconds: 20,
    pacing: 1.5,
    businessHours: {
      timeZone: 'Europe/London',
      weekly: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '09:00', close: '17:30' })),
      closedDates: [],
    },
    retryPolicy: { maxAttempts: 5, minIntervalSeconds: 600 },
    ...overrides,
  });
}

export function exampleAgent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: EXAMPLE_IDS.agentId,
    displayName: 'Ada Lovelace',
    role: 'agent',
    queueIds: [EXAMPLE_IDS.queueId, EXAMPLE_IDS.salesQueueId],
    presence: 'available',
    availableSince: '2026-03-10T13:58:00Z',
    ...overrides,
  };
}

export function exampleSupervisor(overrides: Partial<Agent> = {}): Agent {
  const { availableSince: _unset, ...supervisor } = exampleAgent({
    id: EXAMPLE_IDS.supervisorId,
    displayName: 'Linus Pauling',
    role: 'supervisor',
    presence: 'away',
  });
  return { ...supervisor, ...overrides };
}

export function exampleCapabilities(overrides: Partial<AdapterCapabilities> = {}): AdapterCapabilities {
  return { ...FULL_CAPABILITIES, modes: [...FULL_CAPABILITIES.modes], ...overrides };
}

/** The card of `exampleCallback()` in the Support queue, before the first attempt. */
export function exampleContextCard(overrides: Partial<ContextCard> = {}): ContextCard {
  const callback = exampleCallback();
  return {
    callbackNumber: callback.number,
    customerName: `${callback.customer.firstName} ${callback.customer.lastName}`,
    phoneNumbers: [...callback.customer.phoneNumbers],
    customerTimeZone: callback.customer.timeZone,
    locale: callback.customer.locale,
    queueId: callback.queueId,
    queueName: 'Support',
    mode: callback.mode,
    type: 'asap',
    reason: callback.reason,
    reasonLabel: CALLBACK_REASON_LABELS[callback.reason.code],
    shortDescription: callback.shortDescription,
    description: callback.description,
    caseRef: callback.caseRef,
    ivrPath: [...callback.ivrPath],
    attributes: { ...callback.attributes },
    requestedAt: callback.requestedAt,
    attempt: 0,
    maxAttempts: callback.retryPolicy.maxAttempts,
    ...overrides,
  };
}

/**
 * The interaction view of `exampleCallback()` right after `exampleInteractionCreatedEvent()`:
 * queued, agent-first, nothing attempted yet.
 */
export function exampleInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return {
    id: EXAMPLE_IDS.interactionId,
    callbackId: EXAMPLE_IDS.callbackId,
    vendor: EXAMPLE_IDS.vendor,
    queueId: EXAMPLE_IDS.queueId,
    mode: 'agent-first',
    state: 'queued',
    declinedBy: [],
    customerOnLine: false,
    attempts: [],
    maxAttempts: 3,
    requestedAt: EXAMPLE_TIMES.requestedAt,
    call: { muted: false, recording: false, escalated: false, conference: false },
    card: exampleContextCard(),
    seq: 1,
    ...overrides,
  };
}

/** A quiet minute of a queue's history (`GET /v1/queues/stats/history`); override the figures a test is about. */
export function exampleQueueHistoryPoint(at: string, overrides: Partial<QueueHistoryPoint> = {}): QueueHistoryPoint {
  return { at, depth: 0, oldestWaitSeconds: 0, offered: 0, accepted: 0, missed: 0, serviceLevel: null, ...overrides };
}

export function exampleQueueStats(overrides: Partial<QueueStats> = {}): QueueStats {
  return {
    queueId: EXAMPLE_IDS.queueId,
    depth: 4,
    oldestWaitSeconds: 312,
    scheduledNextHour: 2,
    agentsAvailable: 1,
    offered: 27,
    answered: 21,
    noAnswer: 6,
    answerRate: 21 / 27,
    averagePreviewSeconds: 38.5,
    ...overrides,
  };
}

export function exampleQueuePosition(overrides: Partial<QueuePosition> = {}): QueuePosition {
  return {
    callbackId: EXAMPLE_IDS.callbackId,
    queueId: EXAMPLE_IDS.queueId,
    position: 3,
    estimatedWaitSeconds: 540,
    ...overrides,
  };
}

export function exampleErrorBody(overrides: Partial<ErrorBody> = {}): ErrorBody {
  return {
    code: 'invalid_transition',
    message: '"dial" is not allowed while the interaction is queued (agent-first)',
    ...overrides,
  };
}
