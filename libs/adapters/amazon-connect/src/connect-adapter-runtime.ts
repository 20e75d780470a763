import { DescribeContactCommand, GetContactAttributesCommand } from '@aws-sdk/client-connect';
import type { AdapterContext } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import type { AmazonConnectAdapterConfig } from './amazon-connect-config';
import type { AmazonConnectApi } from './amazon-connect-client';
import type { AmazonConnectStreamsClient } from './amazon-connect-streams-client';
import { sortObservations, type ContactObservation } from './connect-contact-observation';
import { newContactProgress, type ContactProgress } from './connect-contact-progress';
import { convertContactEventToObservations } from './connect-convert-contact-event-to-observations';
import { convertDescribedContactToDetail } from './connect-convert-described-contact-to-detail';
import { CALLBACK_ATTRIBUTES } from './connect-convert-to-start-task-contact';
import type { InteractionBook } from './connect-interaction-book';
import { mapContactObservation } from './connect-map-contact-observation';
import { createRecentIds } from './connect-recent-ids';
import type { TimerSet } from '@icc/adapter-kit';

/** How long an event about an unknown contact waits for the API answer that names it. */
const RESOLVE_UNKNOWN_AFTER_MS = 5_000;
/** Contacts found to carry no ICC interaction, remembered so their further events cost no read-back. */
const MAX_FOREIGN_CONTACTS = 10_000;

/** Everything one started adapter works with; the modules behind the port methods share it. */
export interface AdapterRuntime {
  readonly config: AmazonConnectAdapterConfig;
  readonly context: AdapterContext;
  readonly book: InteractionBook;
  readonly api: AmazonConnectApi;
  readonly streams: AmazonConnectStreamsClient | undefined;
  readonly timers: TimerSet;
  connectQueueId(queueId: string): string;
  connectUserId(agentId: string): string;
  agentIdOf(userId: string): string | undefined;
  /** Folds and stores events the adapter decided on itself; arms or cancels the timers they imply. */
  emit(events: NewIccEvent[]): Promise<IccEvent[]>;
  /** Applies contact facts from any source; resolves with the events they caused. */
  observe(observations: ContactObservation[]): Promise<IccEvent[]>;
  /** A contact the adapter started (or Connect linked): facts parked for it are applied now. */
  registerContact(progress: ContactProgress): Promise<IccEvent[]>;
  /** DescribeContact, understood like the contact events it stands in for. */
  readBack(contactId: string): Promise<IccEvent[]>;
  /** Facts about contacts of closed interactions skipped since the adapter started. */
  factsAfterClose(): number;
  /** Background work (read-backs, timer actions); `stop()` waits for it and logs its failures. */
  track(work: Promise<unknown>): void;
  idle(): Promise<void>;
  /** After `stop()`: nothing more reaches the sink, whatever was still in flight. */
  halt(): void;
}

export function createAdapterRuntime(parts: {
  config: AmazonConnectAdapterConfig;
  context: AdapterContext;
  book: InteractionBook;
  api: AmazonConnectApi;
  streams: AmazonConnectStreamsClient | undefined;
  timers: TimerSet;
  /** Arms or cancels the timers events imply (expiry, auto-close, read-back); given by the adapter, so this module does not depend on them. */
  armTimers: (runtime: AdapterRuntime, events: readonly NewIccEvent[]) => void;
}): AdapterRuntime {
  const { config, context, book, api, timers } = parts;
  const userToAgent = new Map(Object.entries(config.userMap).map(([agentId, userId]) => [userId, agentId]));
  const knownAgents = new Set(context.agents.map((agent) => agent.id));
  const foreignContacts = createRecentIds(MAX_FOREIGN_CONTACTS);
  const background = new Set<Promise<unknown>>();
  let halted = false;
  let factsAfterClose = 0;

  const store = (events: NewIccEvent[]): Promise<IccEvent[]> => {
    if (events.length === 0 || halted) return Promise.resolve([]);
    return context.sink.emit(events).catch((error: unknown) => {
      context.logger.error({ err: error, events: events.map((event) => event.type) }, 'amazon-connect: events were not stored');
      throw error;
    });
  };

  const runtime: AdapterRuntime = {
    config,
    context,
    book,
    api,
    streams: parts.streams,
    timers,
    connectQueueId: (queueId) => config.queueMap[queueId] ?? queueId,
    connectUserId: (agentId) => config.userMap[agentId] ?? agentId,
    agentIdOf: (userId) => userToAgent.get(userId) ?? (knownAgents.has(userId) ? userId : undefined),
    emit(events) {
      if (halted) return Promise.resolve([]);
      book.fold(events);
      parts.armTimers(runtime, events);
      return store(events);
    },
    observe(observations) {
      if (halted) return Promise.resolve([]);
      const pending = sortObservations(observations);
      const produced: NewIccEvent[] = [];
      const readBacks = new Set<string>();
      while (pending.length > 0) {
        const observation = pending.shift() as ContactObservation;
        const progress = book.contacts.get(observation.contactId);
        if (!progress && book.isAfterClose(observation)) {
          factsAfterClose += 1;
          context.logger.debug({ contactId: observation.contactId, kind: observation.kind }, 'amazon-connect: fact about a contact of a closed interaction skipped');
          continue;
        }
        if (!progress) {
          if (foreignContacts.has(observation.contactId)) continue;
          book.park(observation);
          const initialContactId = observation.kind === 'initiated' ? observation.initialContactId : undefined;
          timers.set(`resolve:${observation.contactId}`, context.clock.now() + RESOLVE_UNKNOWN_AFTER_MS, () =>
            runtime.track(resolveUnknown(observation.contactId, initialContactId ?? observation.contactId)),
          );
          continue;
        }
        const interaction = book.interactions.get(progress.interactionId);
        if (!interaction) continue;
        const mapped = mapContactObservation(observation, progress, {
          interaction,
          queue: book.queues.get(interaction.queueId),
          agentIdOf: runtime.agentIdOf,
        });
        book.contacts.set(progress.contactId, mapped.progress);
        if (mapped.events.length > 0) {
          book.fold(mapped.events);
          parts.armTimers(runtime, mapped.events);
          produced.push(...mapped.events);
        }
        if (mapped.needsReadBack) readBacks.add(progress.contactId);
      }
      for (const contactId of readBacks) if (book.contacts.has(contactId)) runtime.track(runtime.readBack(contactId));
      return store(produced);
    },
    registerContact(progress) {
      book.addContact(progress, true);
      timers.cancel(`resolve:${progress.contactId}`);
      return runtime.observe(book.unpark(progress.contactId));
    },
    async readBack(contactId) {
      const answer = await api.call(
        'DescribeContact',
        (client, abortSignal) => client.send(new DescribeContactCommand({ InstanceId: config.instanceId, ContactId: contactId }), { abortSignal }),
        true,
      );
      if (!answer.Contact) return [];
      // The contact's own ARN names the account and instance (`…:instance/<id>/contact/<contactId>`).
      const instanceArn = answer.Contact.Arn?.split('/contact/')[0] ?? '';
      return runtime.observe(convertContactEventToObservations(convertDescribedContactToDetail(answer.Contact, instanceArn)));
    },
    factsAfterClose: () => factsAfterClose,
    track(work) {
      const tracked = work.catch((error: unknown) => {
        context.logger.warn({ err: error }, 'amazon-connect: background work failed');
      });
      background.add(tracked);
      void tracked.finally(() => background.delete(tracked));
    },
    async idle() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
    halt() {
      halted = true;
    },
  };

  /** A contact no event or answer placed: its attributes say which interaction it carries, if ours. */
  async function resolveUnknown(contactId: string, initialContactId: string): Promise<void> {
    if (book.contacts.has(contactId) || !book.parkedContactIds().includes(contactId)) return;
    const answer = await api
      .call(
        'GetContactAttributes',
        (client, abortSignal) => client.send(new GetContactAttributesCommand({ InstanceId: config.instanceId, InitialContactId: initialContactId }), { abortSignal }),
        true,
      )
      .catch(() => undefined);
    const interactionId = answer?.Attributes?.[CALLBACK_ATTRIBUTES.interactionId];
    const interaction = interactionId === undefined ? undefined : book.interactions.get(interactionId);
    if (!interaction || book.contacts.has(contactId)) {
      foreignContacts.remember(contactId);
      book.unpark(contactId);
      return;
    }
    const parked = book.unpark(contactId);
    const outbound = parked.some((observation) => observation.kind === 'initiated' && observation.initiationMethod === 'OUTBOUND');
    book.addContact(
      newContactProgress({
        contactId,
        initialContactId,
        interactionId: interaction.id,
        role: outbound ? 'redial' : 'callback',
        phoneNumber: interaction.attempts.at(-1)?.phoneNumber ?? (interaction.card.phoneNumbers[0] as string),
      }),
      true,
    );
    await runtime.observe(parked);
  }

  return runtime;
}
