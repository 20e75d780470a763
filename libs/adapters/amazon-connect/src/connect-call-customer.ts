import { numberToCall } from '@icc/core';
import type { IccEvent, Interaction } from '@icc/protocol';
import type { ConnectRuntime } from './connect-runtime';
import type { ContactProgress } from './connect-contact-progress';
import { clearAfterContactWork, withAgentOutOfRouting } from './connect-agent-status';

export interface CustomerCall {
  interaction: Interaction;
  /** The accepted callback task, or the call whose dial failed. */
  previous: ContactProgress;
  agentId: string;
  userId: string;
  phoneNumber?: string;
}

/**
 * The agent calls the customer from the CCP (Call, Retry call): the accepted task is completed
 * (or the failed call's after-contact work cleared), then a new outbound call is placed, linked
 * to the previous contact.
 */
export async function callCustomer(runtime: ConnectRuntime, { interaction, previous, agentId, userId, phoneNumber }: CustomerCall): Promise<IccEvent[]> {
  const number = numberToCall(interaction, phoneNumber);
  const streams = runtime.ccp();
  const contactId = await withAgentOutOfRouting(runtime, agentId, async () => {
    if (previous.role === 'callback') previous.superseded = true;
    if (previous.disconnected || previous.role === 'callback') await clearAfterContactWork(runtime, previous.contactId, userId);
    return streams.connect(userId, {
      phoneNumber: number,
      queueId: runtime.connectQueueId(interaction.queueId),
      relatedContactId: previous.contactId,
    });
  });
  // An event about the new contact may have overtaken the answer that names it: it was parked.
  const replayed = await runtime.registerContact({
    contactId,
    initialContactId: previous.initialContactId,
    interactionId: interaction.id,
    role: 'redial',
    phoneNumber: number,
  });
  const dialed = await runtime.observe([{ kind: 'dialing', contactId, at: runtime.context.clock.now(), userId }]);
  return [...replayed, ...dialed];
}
