import { StopContactCommand } from '@aws-sdk/client-connect';
import { decideExpiry } from '@icc/core';
import type { NewIccEvent } from '@icc/protocol';
import type { AdapterRuntime } from './connect-adapter-runtime';

const timerName = (kind: 'expire' | 'auto-close' | 'read-back', interactionId: string) => `${kind}:${interactionId}`;

/** Expire time: a callback core's expiry rule closes is stopped at Connect and closes as expired. */
async function expire(runtime: AdapterRuntime, interactionId: string): Promise<void> {
  const interaction = runtime.book.interactions.get(interactionId);
  if (!interaction || decideExpiry(interaction, runtime.context.clock.now()) === undefined) return;
  const contact = runtime.book.contacts.get(runtime.book.activeContact.get(interactionId) ?? '');
  if (contact && !contact.disconnected) {
    // Its DISCONNECTED event is the consequence of this decision, not news.
    contact.superseded = true;
    await runtime.api
      .call(
        'StopContact',
        (client, abortSignal) => client.send(new StopContactCommand({ InstanceId: runtime.config.instanceId, ContactId: contact.contactId }), { abortSignal }),
        true,
      )
      .catch((error: unknown) => runtime.context.logger.warn({ err: error, contactId: contact.contactId }, 'amazon-connect: could not stop an expired callback'));
  }
  const current = runtime.book.interactions.get(interactionId);
  const closed = current && decideExpiry(current, runtime.context.clock.now());
  if (closed) await runtime.emit([closed]);
}

/** Auto-dial queues close wrap-up by themselves: the CCP clears after-contact work (`contact.clear()`). */
async function autoClose(runtime: AdapterRuntime, interactionId: string): Promise<void> {
  const interaction = runtime.book.interactions.get(interactionId);
  if (interaction?.state !== 'wrap-up') return;
  const contact = runtime.book.contacts.get(runtime.book.activeContact.get(interactionId) ?? '');
  if (contact && !contact.completed && runtime.streams && interaction.agentId) {
    contact.completed = true;
    await runtime.streams
      .contactAction('clear', contact.contactId, runtime.connectUserId(interaction.agentId))
      .catch((error: unknown) => runtime.context.logger.warn({ err: error }, 'amazon-connect: could not clear after-contact work'));
  }
  if (runtime.book.interactions.get(interactionId)?.state !== 'wrap-up') return;
  await runtime.emit([
    {
      type: 'interaction.closed',
      interactionId,
      callbackId: interaction.callbackId,
      at: new Date(runtime.context.clock.now()).toISOString(),
      outcome: 'completed',
      by: 'system',
    },
  ]);
}

/** A dial nothing was heard about for a while: read the contact back instead of waiting forever. */
async function readBackSilentDial(runtime: AdapterRuntime, interactionId: string, attempt: number): Promise<void> {
  const interaction = runtime.book.interactions.get(interactionId);
  const contactId = runtime.book.activeContact.get(interactionId);
  if (interaction?.state !== 'dialing' || interaction.attempts.length !== attempt || contactId === undefined) return;
  await runtime.readBack(contactId);
}

/** Arms or cancels the timers events imply (expiry, auto-close, silent-dial read-back). */
export function armInteractionTimers(runtime: AdapterRuntime, events: readonly NewIccEvent[]): void {
  const { timers } = runtime;
  for (const event of events) {
    if (event.type === 'agent.presence-changed') continue;
    const id = event.interactionId;
    const later = (kind: 'expire' | 'auto-close' | 'read-back', at: number, work: () => Promise<void>) =>
      timers.set(timerName(kind, id), at, () => runtime.track(work()));
    switch (event.type) {
      case 'interaction.created':
        if (event.callback.expireAt !== undefined) later('expire', Date.parse(event.callback.expireAt), () => expire(runtime, id));
        break;
      case 'interaction.dialing':
        later('read-back', runtime.context.clock.now() + runtime.config.reconcileAfterSeconds * 1000, () =>
          readBackSilentDial(runtime, id, event.attempt),
        );
        break;
      case 'interaction.call-ended':
        if (event.autoCloseAt !== undefined) later('auto-close', Date.parse(event.autoCloseAt), () => autoClose(runtime, id));
        break;
      case 'interaction.closed':
        for (const kind of ['expire', 'auto-close', 'read-back'] as const) timers.cancel(timerName(kind, id));
        break;
      default:
        break;
    }
  }
}

/** Re-arms the expiry of interactions restored after a restart. */
export function armRestoredTimers(runtime: AdapterRuntime): void {
  for (const interaction of runtime.book.interactions.values()) {
    if (interaction.expireAt === undefined || interaction.state === 'closed') continue;
    runtime.timers.set(timerName('expire', interaction.id), Date.parse(interaction.expireAt), () => runtime.track(expire(runtime, interaction.id)));
  }
}
