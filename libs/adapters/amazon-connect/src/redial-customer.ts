import type { IccEvent, Interaction } from '@icc/protocol';
import type { AdapterRuntime } from './adapter-runtime';
import { requireCustomerNumber, requireStreams } from './agent-command-checks';
import { clearAfterContactWork } from './clear-after-contact-work';
import { newContactProgress, type ContactProgress } from './contact-progress';
import { withAgentOutOfRouting } from './with-agent-out-of-routing';

export interface Redial {
  interaction: Interaction;
  /** The contact whose dial failed. */
  previous: ContactProgress;
  agentId: string;
  userId: string;
  phoneNumber?: string;
}

/** Retry call: the agent clears the failed contact and places a new call from the CCP, linked to the callback. */
export async function redialCustomer(runtime: AdapterRuntime, { interaction, previous, agentId, userId, phoneNumber }: Redial): Promise<IccEvent[]> {
  const number = phoneNumber ?? interaction.attempts.at(-1)?.phoneNumber ?? (interaction.card.phoneNumbers[0] as string);
  requireCustomerNumber(interaction, number);
  const streams = requireStreams(runtime);
  const contactId = await withAgentOutOfRouting(runtime, agentId, async () => {
    if (previous.disconnected) await clearAfterContactWork(runtime, previous.contactId, userId);
    return streams.connect(userId, {
      phoneNumber: number,
      queueId: runtime.connectQueueId(interaction.queueId),
      relatedContactId: previous.contactId,
    });
  });
  const progress = newContactProgress({
    contactId,
    initialContactId: previous.initialContactId,
    interactionId: interaction.id,
    role: 'redial',
    phoneNumber: number,
    dialedByAgent: true,
  });
  // An event about the new contact may have overtaken the answer that names it: it was parked.
  const replayed = await runtime.registerContact(progress);
  const dialed = await runtime.observe([{ kind: 'dialing', contactId, at: runtime.context.clock.now(), userId }]);
  return [...replayed, ...dialed];
}
