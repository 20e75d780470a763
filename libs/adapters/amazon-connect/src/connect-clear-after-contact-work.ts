import { IccError } from '@icc/core';
import type { AdapterRuntime } from './connect-adapter-runtime';
import { requireStreams } from './connect-agent-command-checks';

const setCompleted = (runtime: AdapterRuntime, contactId: string, completed: boolean) => {
  const contact = runtime.book.contacts.get(contactId);
  if (contact) contact.completed = completed;
};

/** Streams `contact.clear()`: the agent's after-contact work on the contact is done, and their CCP slot is free. */
export async function clearAfterContactWork(runtime: AdapterRuntime, contactId: string, userId: string): Promise<void> {
  if (runtime.book.contacts.get(contactId)?.completed !== false) return;
  // Marked first: the COMPLETED event the clear causes may overtake its answer, and is then no news.
  setCompleted(runtime, contactId, true);
  try {
    await requireStreams(runtime).contactAction('clear', contactId, userId);
  } catch (error) {
    // Refused as a conflict, the contact is not in after-contact work (any more). Otherwise it
    // still is, and the next command that needs the slot clears it again.
    const refused = error instanceof IccError && error.code === 'invalid_transition';
    if (!refused) setCompleted(runtime, contactId, false);
    throw error;
  }
}
