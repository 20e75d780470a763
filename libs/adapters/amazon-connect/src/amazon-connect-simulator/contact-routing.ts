import { vacateAgentSlot } from './agent-status';
import type { SimulatedContact, SimulatedUser } from './simulated-instance';
import { waitThen, type SimulatorContext } from './simulator-context';

/** The contact enters its queue (after the initial delay of a queued callback) and waits for an agent. */
export function enqueueContact(context: SimulatorContext, contact: SimulatedContact): void {
  const { clock } = context.instance;
  waitThen(context, contact, undefined);
  contact.phase = 'queued';
  contact.enqueuedAt = clock.now();
  context.events.contactEvent(contact, 'QUEUED');
  routeContacts(context);
}

function isRoutable(context: SimulatorContext, user: SimulatedUser, contact: SimulatedContact): boolean {
  const status = context.instance.statuses.get(user.statusId);
  return (
    status?.type === 'ROUTABLE' &&
    user.contactId === undefined &&
    user.missed === undefined &&
    contact.queueId !== undefined &&
    user.queueIds.includes(contact.queueId) &&
    !contact.missedBy.has(user.id)
  );
}

/**
 * Offers queued contacts, oldest first, each to the routable agent who has been available the
 * longest. (Connect may offer a contact again to an agent who rejected it; the simulator does
 * not, so a reject visibly moves the contact on.)
 */
export function routeContacts(context: SimulatorContext): void {
  const { instance } = context;
  const waiting = [...instance.contacts.values()]
    .filter((contact) => contact.phase === 'queued')
    .sort((a, b) => (a.enqueuedAt ?? 0) - (b.enqueuedAt ?? 0));
  for (const contact of waiting) {
    const user = [...instance.users.values()]
      .filter((candidate) => isRoutable(context, candidate, contact))
      .sort((a, b) => a.statusSince - b.statusSince)[0];
    if (user) offerContact(context, contact, user);
  }
}

function offerContact(context: SimulatorContext, contact: SimulatedContact, user: SimulatedUser): void {
  const { instance } = context;
  const alertSeconds = instance.queues.get(contact.queueId ?? '')?.alertTimeoutSeconds ?? 20;
  contact.phase = 'alerting';
  contact.offeredAt = instance.clock.now();
  contact.userId = user.id;
  contact.lastUpdatedAt = contact.offeredAt;
  user.contactId = contact.id;
  context.events.agentEvent(user);
  waitThen(context, contact, alertSeconds, () => missContact(context, contact, 'timeout'));
}

/**
 * The agent let the contact alert until the timeout, or rejected it, and the contact goes back to
 * its queue. A timed-out contact stays on the agent's CCP as MISSED, keeping the agent out of
 * routing until it is dismissed ("About contact states"; DismissUserContact). A rejected one shows
 * as MISSED once (rejected voice contacts appear as MISSED too) and the CCP clears it.
 */
export function missContact(context: SimulatorContext, contact: SimulatedContact, cause: 'timeout' | 'rejected'): void {
  const user = contact.userId === undefined ? undefined : context.instance.users.get(contact.userId);
  waitThen(context, contact, undefined);
  if (user && cause === 'timeout') user.missed = { contactId: contact.id, at: context.instance.clock.now() };
  if (user && cause === 'rejected') {
    context.events.agentEvent(user, { contact, state: 'MISSED' });
    contact.missedBy.add(user.id);
  }
  if (user) vacateAgentSlot(context, user);
  delete contact.userId;
  delete contact.offeredAt;
  contact.phase = 'queued';
  routeContacts(context);
}

/** DismissUserContact: "Contacts can only be dismissed if they are in a MISSED, ERROR, ENDED, or REJECTED state"; the user is routable again. */
export function dismissMissedContact(context: SimulatorContext, user: SimulatedUser, contactId: string): boolean {
  if (user.missed?.contactId !== contactId) return false;
  delete user.missed;
  context.events.agentEvent(user);
  routeContacts(context);
  return true;
}
