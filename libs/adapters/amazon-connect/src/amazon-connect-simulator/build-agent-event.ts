import {
  agentArn,
  instanceArn,
  isoInstant,
  queueArn,
  type SimulatedContact,
  type SimulatedInstance,
  type SimulatedUser,
} from './simulated-instance';

/** Contact states of the agent event stream ("About contact states" in the admin guide). */
export type SimulatedAgentContactState =
  | 'INCOMING'
  | 'PENDING'
  | 'CONNECTING'
  | 'CONNECTED'
  | 'CONNECTED_ONHOLD'
  | 'MISSED'
  | 'ERROR'
  | 'ENDED';

export type AgentSnapshot = Record<string, unknown>;

/** The state a contact shows on the agent's CCP, with the time it entered it (hold keeps CONNECTED's). */
function agentContactState(contact: SimulatedContact): { state: SimulatedAgentContactState; since: number } | undefined {
  switch (contact.phase) {
    case 'alerting':
      // "INCOMING - This is specific to queued callbacks"; any other contact offered to the agent
      // is "CONNECTING" (admin guide, "About contact states", agent event stream).
      return { state: contact.channel === 'TASK' ? 'CONNECTING' : 'INCOMING', since: contact.offeredAt ?? contact.lastUpdatedAt };
    case 'preview':
      // An accepted task is connected to the agent.
      return { state: 'CONNECTED', since: contact.connectedToAgentAt ?? contact.lastUpdatedAt };
    case 'dialing':
      return { state: 'CONNECTING', since: contact.initiatedAt };
    case 'connected':
      return { state: contact.held ? 'CONNECTED_ONHOLD' : 'CONNECTED', since: contact.connectedToAgentAt ?? contact.lastUpdatedAt };
    case 'after-contact-work':
      return { state: 'ENDED', since: contact.afterContactWorkStartedAt ?? contact.lastUpdatedAt };
    default:
      return undefined;
  }
}

/** What the agent's CCP shows right now, in the agent event stream's `AgentSnapshot` shape. */
export function buildAgentSnapshot(
  instance: SimulatedInstance,
  user: SimulatedUser,
  transient?: { contact: SimulatedContact; state: SimulatedAgentContactState },
): AgentSnapshot {
  const { settings } = instance;
  const status = instance.statuses.get(user.statusId);
  const queue = (queueId: string) => ({ ARN: queueArn(settings, queueId), Name: instance.queues.get(queueId)?.name ?? queueId });
  const missed = user.contactId === undefined && user.missed ? instance.contacts.get(user.missed.contactId) : undefined;
  const contact = transient?.contact ?? missed ?? (user.contactId === undefined ? undefined : instance.contacts.get(user.contactId));
  const shown = transient
    ? { state: transient.state, since: instance.clock.now() }
    : missed && user.missed
      ? { state: 'MISSED' as const, since: user.missed.at }
      : contact && agentContactState(contact);
  const contacts =
    contact && shown
      ? [
          {
            Channel: contact.channel,
            ConnectedToAgentTimestamp: contact.connectedToAgentAt === undefined ? null : isoInstant(contact.connectedToAgentAt),
            ContactId: contact.id,
            InitialContactId: contact.initialContactId ?? null,
            InitiationMethod: contact.initiationMethod,
            Queue: contact.queueId === undefined ? null : queue(contact.queueId),
            QueueTimestamp: contact.enqueuedAt === undefined ? null : isoInstant(contact.enqueuedAt),
            State: shown.state,
            StateStartTimestamp: isoInstant(shown.since),
          },
        ]
      : [];
  return {
    AgentStatus: {
      ARN: `${instanceArn(settings)}/agent-state/${user.statusId}`,
      Name: status?.name ?? 'Offline',
      StartTimestamp: isoInstant(user.statusSince),
    },
    Configuration: {
      AgentHierarchyGroups: null,
      FirstName: user.firstName,
      LastName: user.lastName,
      RoutingProfile: {
        ARN: `${instanceArn(settings)}/routing-profile/${user.id}-profile`,
        Name: `${user.username} routing profile`,
        DefaultOutboundQueue: user.queueIds[0] === undefined ? null : queue(user.queueIds[0]),
        InboundQueues: user.queueIds.map(queue),
      },
      Username: user.username,
    },
    Contacts: contacts,
  };
}

/** One STATE_CHANGE record of the agent event stream (Kinesis), as a relay forwards it. */
export function buildAgentEvent(
  instance: SimulatedInstance,
  user: SimulatedUser,
  current: AgentSnapshot,
  previous: AgentSnapshot | undefined,
): Record<string, unknown> {
  const { settings } = instance;
  return {
    AWSAccountId: settings.accountId,
    AgentARN: agentArn(settings, user.id),
    CurrentAgentSnapshot: current,
    EventId: globalThis.crypto.randomUUID(),
    EventTimestamp: isoInstant(instance.clock.now()),
    EventType: 'STATE_CHANGE',
    InstanceARN: instanceArn(settings),
    PreviousAgentSnapshot: previous ?? null,
    Version: '2019-05-25',
  };
}
