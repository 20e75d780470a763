import type { Clock, Logger } from '@icc/core';
import type { CallbackReasonCode, CreateCallbackRequest } from '@icc/protocol';
import type { CallbackIntake } from '../intake/callback-intake';
import { DEMO_QUEUES } from './demo-configuration';

interface DemoCustomer {
  firstName: string;
  lastName: string;
  phoneNumbers: string[];
  timeZone: string;
  locale: string;
}

const CUSTOMERS: DemoCustomer[] = [
  { firstName: 'Maya', lastName: 'Lindqvist', phoneNumbers: ['+14155550142', '+14155550100'], timeZone: 'America/Los_Angeles', locale: 'en-US' },
  { firstName: 'Camille', lastName: 'Durand', phoneNumbers: ['+33142685300', '+33612345678'], timeZone: 'Europe/Paris', locale: 'fr-FR' },
  { firstName: 'Jonas', lastName: 'Becker', phoneNumbers: ['+4930901820', '+4915123456789'], timeZone: 'Europe/Berlin', locale: 'de-DE' },
  { firstName: 'Priya', lastName: 'Raman', phoneNumbers: ['+12125550187'], timeZone: 'America/New_York', locale: 'en-US' },
  { firstName: 'Oliver', lastName: 'Hughes', phoneNumbers: ['+442079460123'], timeZone: 'Europe/London', locale: 'en-GB' },
  { firstName: 'Lucía', lastName: 'Martín', phoneNumbers: ['+34912345678'], timeZone: 'Europe/Madrid', locale: 'es-ES' },
  { firstName: 'Kenji', lastName: 'Sato', phoneNumbers: ['+81312345678'], timeZone: 'Asia/Tokyo', locale: 'ja-JP' },
  { firstName: 'Chloe', lastName: 'Nguyen', phoneNumbers: ['+61291234567'], timeZone: 'Australia/Sydney', locale: 'en-AU' },
  { firstName: 'Marcus', lastName: 'Reid', phoneNumbers: ['+13125550123', '+14165550199'], timeZone: 'America/Chicago', locale: 'en-US' },
];

const TOPICS: Array<{ reason: CallbackReasonCode; shortDescription: string }> = [
  { reason: 'product-issue', shortDescription: 'Router keeps dropping the connection' },
  { reason: 'order-issue', shortDescription: 'Order arrived with a missing part' },
  { reason: 'billing-issue', shortDescription: 'Charged twice for the March invoice' },
  { reason: 'billing-issue', shortDescription: 'Wants to switch to yearly billing' },
  { reason: 'other-issue', shortDescription: 'Cannot sign in to the customer portal' },
  { reason: 'sales-discovery', shortDescription: 'Interested in the business plan for 40 seats' },
  { reason: 'product-feedback', shortDescription: 'Feedback on the new mobile app' },
  { reason: 'customer-survey', shortDescription: 'Agreed to a satisfaction survey call' },
  { reason: 'relationship-building', shortDescription: 'Quarterly check-in with a key account' },
];

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** A realistic callback request: varied customers, topics, queues; about one in four scheduled. */
export function demoCallbackRequest(now: number, random: () => number = Math.random): CreateCallbackRequest {
  const customer = pick(CUSTOMERS, random);
  const topic = pick(TOPICS, random);
  const queue = pick(DEMO_QUEUES, random);
  const scheduled = random() < 0.25;
  const start = new Date(now + (5 + Math.floor(random() * 25)) * 60_000);
  return {
    queueId: queue.id,
    customer,
    reason: { code: topic.reason },
    shortDescription: topic.shortDescription,
    ivrPath: ['main-menu', queue.defaultMode === 'customer-first' ? 'care' : 'billing-sales', 'callback'],
    attributes: { demo: 'true' },
    schedule: scheduled
      ? { type: 'scheduled', start: start.toISOString(), windowEnd: new Date(start.getTime() + 30 * 60_000).toISOString() }
      : { type: 'asap' },
    source: pick(['ivr', 'web', 'api'] as const, random),
  };
}

/** Creates a demo callback every few seconds through the public intake path; returns a stop function. */
export function startDemoTraffic(intake: CallbackIntake, clock: Clock, timerClock: Clock, logger: Logger): () => void {
  let cancel: (() => void) | undefined;
  let stopped = false;
  const next = () => {
    if (stopped) return;
    cancel = timerClock.setTimer(timerClock.now() + 3000 + Math.floor(Math.random() * 5000), () => {
      intake
        .create(demoCallbackRequest(clock.now()))
        .then(({ callback }) => logger.info({ callback: callback.number, queue: callback.queueId }, 'demo callback created'))
        .catch((error: unknown) => logger.warn({ err: error }, 'demo callback failed'))
        .finally(next);
    });
  };
  next();
  return () => {
    stopped = true;
    cancel?.();
  };
}
