import { StopContactCommand } from '@aws-sdk/client-connect';
import { isoAt } from '@icc/core';
import type { NewIccEvent } from '@icc/protocol';
import { clearAfterContactWork } from './connect-agent-status';
import type { ConnectRuntime } from './connect-runtime';

/** Core's expiry closes the callback: its task is stopped at Connect, then it closes as expired. */
export async function expireInteraction(runtime: ConnectRuntime, interactionId: string): Promise<void> {
  const contact = runtime.contacts.active(interactionId);
  if (contact && !contact.disconnected) {
    // Its DISCONNECTED event is the consequence of this decision, not news.
    contact.superseded = true;
    await runtime.api
      .send(new StopContactCommand({ InstanceId: runtime.config.instanceId, ContactId: contact.contactId }))
      .catch((error: unknown) => runtime.context.logger.warn({ err: error, contactId: contact.contactId }, 'amazon-connect: could not stop an expired callback'));
  }
  await runtime.emit(runtime.book.expiryNow(interactionId));
}

/** Auto-dial queues close wrap-up by themselves: the CCP clears after-contact work (`contact.clear()`). */
async function autoClose(runtime: ConnectRuntime, interactionId: string): Promise<void> {
  const interaction = runtime.book.interaction(interactionId);
  if (interaction?.state !== 'wrap-up') return;
  const contact = runtime.contacts.active(interactionId);
  if (contact && runtime.streams && interaction.agentId) {
    await clearAfterContactWork(runtime, contact.contactId, runtime.connectUserId(interaction.agentId)).catch((error: unknown) =>
      runtime.context.logger.warn({ err: error }, 'amazon-connect: could not clear after-contact work'),
    );
  }
  if (runtime.book.interaction(interactionId)?.state !== 'wrap-up') return;
  await runtime.emit([{ type: 'interaction.closed', interactionId, callbackId: interaction.callbackId, at: isoAt(runtime.context.clock.now()), outcome: 'completed', by: 'system' }]);
}

/** A dial nothing was heard about for a while: read the contact back instead of waiting forever. */
async function readBackSilentDial(runtime: ConnectRuntime, interactionId: string, attempt: number): Promise<void> {
  const interaction = runtime.book.interaction(interactionId);
  const contact = runtime.contacts.active(interactionId);
  if (interaction?.state !== 'dialing' || interaction.attempts.length !== attempt || contact === undefined) return;
  await runtime.readBack(contact.contactId);
}

/** Arms or cancels the timers events imply (auto-close, silent-dial read-back); expiry is the kit book's. */
export function armInteractionTimers(runtime: ConnectRuntime, events: readonly NewIccEvent[]): void {
  const { timers } = runtime;
  for (const event of events) {
    if (event.type === 'agent.presence-changed') continue;
    const id = event.interactionId;
    const later = (kind: string, at: number, work: () => Promise<void>) => timers.set(`${kind}:${id}`, at, () => runtime.track(work()));
    if (event.type === 'interaction.dialing') {
      later('read-back', runtime.context.clock.now() + runtime.config.reconcileAfterSeconds * 1000, () => readBackSilentDial(runtime, id, event.attempt));
    } else if (event.type === 'interaction.call-ended' && event.autoCloseAt !== undefined) {
      later('auto-close', Date.parse(event.autoCloseAt), () => autoClose(runtime, id));
    } else if (event.type === 'interaction.closed') {
      for (const kind of ['auto-close', 'read-back']) timers.cancel(`${kind}:${id}`);
    }
  }
}
