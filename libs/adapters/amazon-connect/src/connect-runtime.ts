import { DescribeContactCommand, GetContactAttributesCommand } from '@aws-sdk/client-connect';
import { createAdapterEmitter, createInteractionBook, createTimerSet, createUnplacedFacts } from '@icc/adapter-kit';
import { IccError, numberToCall, type AdapterContext } from '@icc/core';
import type { IccEvent, NewIccEvent, QueueConfig } from '@icc/protocol';
import { createConnectApi } from './connect-api';
import type { AmazonConnectAdapterConfig } from './connect-config';
import { createContactBook } from './connect-contact-book';
import { sortObservations, type ContactObservation } from './connect-contact-observation';
import type { ContactProgress } from './connect-contact-progress';
import { convertContactEventToObservations } from './connect-convert-contact-event-to-observations';
import { convertDescribedContactToDetail } from './connect-convert-described-contact-to-detail';
import { CALLBACK_ATTRIBUTES } from './connect-convert-to-start-task-contact';
import { mapContactObservation } from './connect-map-contact-observation';
import { createConnectStreamsClient, type ConnectStreamsClient } from './connect-streams-client';

/** How long an event about an unknown contact waits for the API answer that names it. */
const RESOLVE_UNKNOWN_AFTER_MS = 5_000;

export interface ConnectRuntimeParts {
  config: AmazonConnectAdapterConfig;
  context: AdapterContext;
  signal: AbortSignal;
  track(work: Promise<unknown>): void;
  /** Core's expiry closes an interaction (the kit book's `onExpired`). */
  onExpired(interactionId: string): Promise<void>;
  /** An agent let an offer time out: the presence events that follow at Connect. */
  onMissedOffer(agentId: string, contactId: string): NewIccEvent[];
  /** Arms the timers events imply (auto-close, silent-dial read-back). */
  onEmitted(events: readonly NewIccEvent[]): void;
}

/** Everything one started adapter works with; the modules behind the port methods share it. */
export type ConnectRuntime = ReturnType<typeof createConnectRuntime>;

export function createConnectRuntime(parts: ConnectRuntimeParts) {
  const { config, context, signal, track } = parts;
  const userToAgent = new Map(Object.entries(config.userMap).map(([agentId, userId]) => [userId, agentId]));
  const knownAgents = new Set(context.agents.map((agent) => agent.id));
  const queues = new Map(context.queues.map((queue) => [queue.id, queue]));
  const contacts = createContactBook();
  const timers = createTimerSet(context.clock);
  const api = createConnectApi(config, context.clock, signal);
  let factsAfterClose = 0;
  const book = createInteractionBook({
    clock: context.clock,
    onExpired: (interaction) => track(parts.onExpired(interaction.id)),
    onForgotten: (interaction) => contacts.forget(interaction.id),
  });
  const unplaced = createUnplacedFacts<ContactObservation>({
    clock: context.clock,
    waitMs: RESOLVE_UNKNOWN_AFTER_MS,
    capacity: 10_000,
    resolve: (contactId, facts) => resolveUnknown(contactId, facts),
    track,
  });
  const emitter = { vendor: 'amazon-connect', context, signal, onEmitted: parts.onEmitted };
  // Observed facts are folded one by one (each seeing the one before), then stored.
  const storeFolded = createAdapterEmitter(emitter);

  const runtime = {
    config,
    context,
    book,
    contacts,
    api,
    timers,
    streams:
      config.streamsEndpoint === undefined
        ? undefined
        : createConnectStreamsClient({ baseUrl: config.streamsEndpoint, instanceId: config.instanceId, clock: context.clock, signal }),
    /** The agent's CCP (Streams actions); `capability_unsupported` when no `streamsEndpoint` is configured. */
    ccp(): ConnectStreamsClient {
      if (runtime.streams) return runtime.streams;
      throw new IccError('capability_unsupported', 'Agent call control needs the CCP: configure streamsEndpoint (README, "Gaps")');
    },
    queue: (queueId: string): QueueConfig | undefined => queues.get(queueId),
    connectQueueId: (queueId: string): string => config.queueMap[queueId] ?? queueId,
    connectUserId: (agentId: string): string => config.userMap[agentId] ?? agentId,
    agentIdOf: (userId: string): string | undefined => userToAgent.get(userId) ?? (knownAgents.has(userId) ? userId : undefined),
    /** Folds and stores events the adapter decided on itself; `onEmitted` arms the timers they imply. */
    emit: createAdapterEmitter({ ...emitter, book }),
    /** Applies contact facts from any source; resolves with the events they caused. */
    observe(observations: ContactObservation[]): Promise<IccEvent[]> {
      if (signal.aborted) return Promise.resolve([]);
      const produced: NewIccEvent[] = [];
      const readBacks = new Set<string>();
      for (const observation of sortObservations(observations)) {
        const progress = contacts.contacts.get(observation.contactId);
        if (!progress) {
          if (!contacts.isAfterClose(observation)) unplaced.park(observation.contactId, observation);
          else {
            factsAfterClose += 1;
            context.logger.debug({ contactId: observation.contactId, kind: observation.kind }, 'amazon-connect: fact about a contact of a closed interaction skipped');
          }
          continue;
        }
        const interaction = book.interaction(progress.interactionId);
        if (!interaction) continue;
        const mapped = mapContactObservation(observation, progress, { interaction, queue: queues.get(interaction.queueId), agentIdOf: runtime.agentIdOf });
        contacts.contacts.set(progress.contactId, mapped.progress);
        const missed = mapped.events.flatMap((event) =>
          event.type === 'interaction.offer-declined' && event.cause === 'timeout' ? parts.onMissedOffer(event.agentId, progress.contactId) : [],
        );
        book.fold([...mapped.events, ...missed]);
        produced.push(...mapped.events, ...missed);
        if (mapped.needsReadBack) readBacks.add(progress.contactId);
      }
      for (const contactId of readBacks) if (contacts.contacts.has(contactId)) track(runtime.readBack(contactId));
      return storeFolded(produced);
    },
    /** A contact the adapter started (or Connect linked): facts parked for it are applied now. */
    registerContact(progress: ContactProgress): Promise<IccEvent[]> {
      contacts.add(progress, book.interaction(progress.interactionId) !== undefined);
      return runtime.observe(unplaced.placed(progress.contactId));
    },
    /** DescribeContact, understood like the contact events it stands in for. */
    async readBack(contactId: string): Promise<IccEvent[]> {
      const answer = await api.send(new DescribeContactCommand({ InstanceId: config.instanceId, ContactId: contactId }));
      if (!answer.Contact) return [];
      // The contact's own ARN names the account and instance (`…:instance/<id>/contact/<contactId>`).
      const instanceArn = answer.Contact.Arn?.split('/contact/')[0] ?? '';
      return runtime.observe(convertContactEventToObservations(convertDescribedContactToDetail(answer.Contact, instanceArn)));
    },
    factsAfterClose: () => factsAfterClose,
    track,
    stop() {
      book.clear();
      timers.clear();
      unplaced.clear();
      api.destroy();
    },
  };

  /** A contact no event or answer placed: its attributes say which interaction it carries, if ours. */
  async function resolveUnknown(contactId: string, facts: ContactObservation[]): Promise<boolean> {
    const initiated = facts.find((fact) => fact.kind === 'initiated');
    const initialContactId = initiated?.initialContactId ?? contactId;
    const answer = await api.send(new GetContactAttributesCommand({ InstanceId: config.instanceId, InitialContactId: initialContactId }));
    const interaction = book.interaction(answer.Attributes?.[CALLBACK_ATTRIBUTES.interactionId] ?? '');
    if (!interaction) return false;
    const role = initiated?.initiationMethod === 'OUTBOUND' ? 'redial' : 'callback';
    contacts.add({ contactId, initialContactId, interactionId: interaction.id, role, phoneNumber: numberToCall(interaction) }, true);
    await runtime.observe(facts);
    return true;
  }

  return runtime;
}
