import type { SimulatedUser } from './simulated-instance';
import type { SimulatorContext } from './simulator-context';

function changeStatus(context: SimulatorContext, user: SimulatedUser, statusId: string): void {
  if (user.statusId === statusId) return;
  user.statusId = statusId;
  user.statusSince = context.instance.clock.now();
}

/**
 * PutUserStatus: "changes the current status of a user or agent. If the agent is currently
 * handling a contact, this sets the agent's next status", which takes effect once the contact
 * leaves their CCP. Routing is the caller's next step.
 */
export function putUserStatus(context: SimulatorContext, user: SimulatedUser, statusId: string): void {
  if (user.contactId !== undefined) {
    if (statusId === user.statusId) delete user.nextStatusId;
    else user.nextStatusId = statusId;
    return;
  }
  const before = user.statusId;
  changeStatus(context, user, statusId);
  if (user.statusId !== before) context.events.agentEvent(user);
}

/** The contact left the agent's CCP (cleared, missed): the slot is free, and a next status set meanwhile applies. */
export function vacateAgentSlot(context: SimulatorContext, user: SimulatedUser): void {
  delete user.contactId;
  if (user.nextStatusId !== undefined) changeStatus(context, user, user.nextStatusId);
  delete user.nextStatusId;
  context.events.agentEvent(user);
}
