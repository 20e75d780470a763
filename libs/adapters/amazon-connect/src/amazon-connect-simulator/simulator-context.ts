import { connectApiError } from './connect-error-statuses';
import type { EventPublisher } from './event-publisher';
import type { SimulatedContact, SimulatedInstance } from './simulated-instance';

/** What every lifecycle step works on: the instance and the streams it publishes to. */
export interface SimulatorContext {
  instance: SimulatedInstance;
  events: EventPublisher;
}

export function requireContact(context: SimulatorContext, contactId: string): SimulatedContact {
  const contact = context.instance.contacts.get(contactId);
  if (!contact) throw connectApiError('ResourceNotFoundException', `Contact ${contactId} not found`);
  return contact;
}

/** Replaces whatever the contact waited for with a new wait (or none). */
export function waitThen(context: SimulatorContext, contact: SimulatedContact, seconds: number | undefined, then?: () => void): void {
  contact.cancelTimer?.();
  delete contact.cancelTimer;
  if (seconds === undefined || then === undefined) return;
  const { clock } = context.instance;
  const cancel = clock.setTimer(clock.now() + seconds * 1000, () => {
    if (contact.cancelTimer === cancel) delete contact.cancelTimer;
    then();
  });
  contact.cancelTimer = cancel;
}
