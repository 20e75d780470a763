import { StartContactRecordingCommand, StopContactRecordingCommand, UpdateContactAttributesCommand } from '@aws-sdk/client-connect';
import { decideCallControl, decideCloseCallback, IccError, InvalidTransitionError, requireCommandAllowed } from '@icc/core';
import type { AgentCommand, IccEvent, NewIccEvent } from '@icc/protocol';
import type { ConnectRuntime } from './connect-runtime';
import { AMAZON_CONNECT_CAPABILITIES } from './connect-capabilities';
import { releaseActiveContact, rescheduleCallback } from './connect-callback-requests';
import { clearAfterContactWork } from './connect-agent-status';
import { callCustomer } from './connect-call-customer';

/**
 * One agent command: checked against the same controls table as the gateway, sent to Connect
 * (Streams action or API), and turned into events through the same facts as Connect's own events,
 * so the events that confirm it later change nothing.
 */
export async function executeAgentCommand(runtime: ConnectRuntime, agentId: string, command: AgentCommand): Promise<IccEvent[]> {
  const { book, context, config } = runtime;
  const interaction = book.interaction(command.interactionId);
  if (!interaction) throw new IccError('not_found', `Interaction ${command.interactionId} does not exist`);
  requireCommandAllowed(interaction, { agentId, command, queue: runtime.queue(interaction.queueId), capabilities: AMAZON_CONNECT_CAPABILITIES });
  const contact = runtime.contacts.active(interaction.id);
  if (!contact) throw new IccError('not_found', `Interaction ${interaction.id} has no Amazon Connect contact yet`);
  const userId = runtime.connectUserId(agentId);
  const { contactId } = contact;
  const { observe } = runtime;
  const now = () => context.clock.now();
  const emitNow = (event: NewIccEvent) => runtime.emit([event]);

  switch (command.type) {
    case 'accept':
      await runtime.ccp().contactAction('accept', contactId, userId);
      return observe([{ kind: 'accepted', contactId, at: now(), userId }]);
    case 'reject':
      contact.rejectSentBy = userId;
      await runtime.ccp().contactAction('reject', contactId, userId);
      return observe([{ kind: 'missed', contactId, at: now(), userId }]);
    // The agent calls from the CCP (Streams `agent.connect`), to the callback's number or another
    // of the customer's: an accepted task dials nobody by itself.
    case 'dial':
    case 'redial':
      return callCustomer(runtime, { interaction, previous: contact, agentId, userId, phoneNumber: command.phoneNumber });
    case 'hold':
    case 'resume':
      await runtime.ccp().contactAction(command.type, contactId, userId);
      return observe([{ kind: 'held', contactId, at: now(), held: command.type === 'hold' }]);
    case 'mute':
    case 'unmute':
      // Mute is local to the agent's media: Connect publishes nothing, so the answer is the fact.
      await runtime.ccp().setMuted(userId, command.type === 'mute');
      return emitNow(decideCallControl(interaction, command, now()));
    case 'record-start':
    case 'record-stop': {
      const input = { InstanceId: config.instanceId, ContactId: contactId, InitialContactId: contact.initialContactId };
      if (command.type === 'record-start') await runtime.api.send(new StartContactRecordingCommand({ ...input, VoiceRecordingConfiguration: { VoiceRecordingTrack: 'ALL' } }));
      else await runtime.api.send(new StopContactRecordingCommand(input));
      return emitNow(decideCallControl(interaction, command, now()));
    }
    case 'send-dtmf':
      await runtime.ccp().contactAction('send-digits', contactId, userId, { Digits: command.digits });
      return emitNow(decideCallControl(interaction, command, now()));
    case 'end-call': {
      const ringing = interaction.state === 'dialing';
      contact.endedByAgent = true;
      await runtime.ccp().contactAction('end', contactId, userId);
      const outcome = ringing ? { answered: false, failure: 'no-answer' as const } : { answered: true, by: 'agent' as const };
      return observe([{ kind: 'disconnected', contactId, at: now(), ...outcome }]);
    }
    case 'submit-wrap-up': {
      const Attributes = { iccWrapUpReason: command.wrapUp.reason, iccWrapUpNotes: command.wrapUp.notes };
      await runtime.api.send(new UpdateContactAttributesCommand({ InstanceId: config.instanceId, InitialContactId: contact.initialContactId, Attributes }));
      await clearAfterContactWork(runtime, contactId, userId);
      return emitNow(decideCallControl(interaction, command, now()));
    }
    case 'close-callback':
      if (interaction.state === 'previewing') {
        // The agent completes the task without calling.
        contact.superseded = true;
        await runtime.ccp().contactAction('clear', contactId, userId);
      } else await releaseActiveContact(runtime, interaction);
      return emitNow(decideCloseCallback(interaction, { reason: command.reason, notes: command.notes, now: now() }));
    case 'reschedule':
      return rescheduleCallback(runtime, interaction.callbackId, { start: command.start, windowEnd: command.windowEnd }, 'agent');
    default:
      throw new InvalidTransitionError(interaction.state, command.type, interaction.mode);
  }
}
