import { DismissUserContactCommand, PutUserStatusCommand } from '@aws-sdk/client-connect';
import { presenceChangeOf, undoOnFailure } from '@icc/adapter-kit';
import { IccError } from '@icc/core';
import type { IccEvent, NewIccEvent, Presence, SelectablePresence } from '@icc/protocol';
import type { ConnectRuntime } from './connect-runtime';

/** PutUserStatus (AgentStatusId per presence, config `agentStatuses`); on an agent handling a contact, Connect makes it their next status. */
async function putUserStatus(runtime: ConnectRuntime, agentId: string, presence: SelectablePresence): Promise<void> {
  const input = { InstanceId: runtime.config.instanceId, UserId: runtime.connectUserId(agentId), AgentStatusId: runtime.config.agentStatuses[presence] };
  await runtime.api.send(new PutUserStatusCommand(input));
}

const presenceChanged = (runtime: ConnectRuntime, agentId: string, presence: Presence) => presenceChangeOf(runtime.book, agentId, presence, runtime.context.clock.now());

/**
 * The agent chooses a presence. One who let an offer time out first has its missed contacts
 * dismissed from the CCP (DismissUserContact: "returns the agent to an available state, which
 * allows the agent to receive a new routed contact"), then gets the status.
 */
export async function setPresence(runtime: ConnectRuntime, agentId: string, presence: SelectablePresence): Promise<IccEvent[]> {
  if (!runtime.context.agents.some((agent) => agent.id === agentId)) throw new IccError('not_found', `Agent ${agentId} does not exist`);
  const userId = runtime.connectUserId(agentId);
  for (const contactId of runtime.contacts.missedBy(agentId)) {
    await runtime.api.send(new DismissUserContactCommand({ InstanceId: runtime.config.instanceId, UserId: userId, ContactId: contactId }));
    runtime.contacts.dismissed(agentId, contactId);
  }
  await putUserStatus(runtime, agentId, presence);
  return runtime.emit(presenceChanged(runtime, agentId, presence));
}

/**
 * An offer the agent let time out leaves the contact on their CCP as MISSED (agent event stream,
 * "About contact states") and the agent out of routing (Streams agent state `MissedCallAgent`, of
 * type `error`) until it is dismissed: in ICC, the agent is `not-responding`.
 */
export function notRespondingAfterMissedOffer(runtime: ConnectRuntime, agentId: string, contactId: string): NewIccEvent[] {
  runtime.contacts.missed(agentId, contactId);
  const presence = runtime.book.presence(agentId);
  return presence === 'offline' ? [] : presenceChanged(runtime, agentId, 'not-responding');
}

/**
 * Runs `work` (clearing the agent's CCP slot, then placing a call in it) with the agent out of
 * routing: Connect would offer an Available agent's freed slot the next queued contact before the
 * call. PutUserStatus on an agent handling a contact sets their next status, so `away` applies as
 * the slot is cleared, and `available`, put back afterwards, once the call placed meanwhile is.
 */
export async function withAgentOutOfRouting<T>(runtime: ConnectRuntime, agentId: string, work: () => Promise<T>): Promise<T> {
  const stillAvailable = () => runtime.book.presence(agentId) === 'available';
  if (!stillAvailable()) return work();
  await putUserStatus(runtime, agentId, 'away');
  try {
    return await work();
  } finally {
    // An agent who chose another presence meanwhile already has its status in Connect.
    if (stillAvailable()) {
      await putUserStatus(runtime, agentId, 'available').catch((error: unknown) =>
        runtime.context.logger.error({ err: error, agentId }, 'amazon-connect: the agent stays away in Connect after a Retry call; set their presence again'),
      );
    }
  }
}

/** Streams `contact.clear()`: the agent's after-contact work on the contact is done, and their CCP slot is free. */
export async function clearAfterContactWork(runtime: ConnectRuntime, contactId: string, userId: string): Promise<void> {
  const contact = runtime.contacts.contacts.get(contactId);
  if (!contact || contact.completed) return;
  // Marked first: the COMPLETED event the clear causes may overtake its answer, and is then no news.
  contact.completed = true;
  // Refused as a conflict, the contact is not in after-contact work (any more). Otherwise it
  // still is, and the next command that needs the slot clears it again.
  await undoOnFailure(
    () => runtime.ccp().contactAction('clear', contactId, userId),
    (error) => (contact.completed = error instanceof IccError && error.code === 'invalid_transition'),
  );
}
