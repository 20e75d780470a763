import { undoOnFailure } from '@icc/adapter-kit';
import { assertCallTransferTarget, callTransferTargetOf, IccError, requireCallTransferKindSupported } from '@icc/core';
import type { AgentCommandOf, IccEvent, NewIccEvent } from '@icc/protocol';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import type { CommandTarget } from './genesys-command-target';
import { mapGenesysParticipantState } from './genesys-map-communication';

export type CallTransferCommand = AgentCommandOf<'transfer-call' | 'consult-call' | 'merge-calls' | 'cancel-consult' | 'leave-and-transfer'>;

/**
 * Blind and consult transfer of the live call. Blind: `POST /api/v2/conversations/{id}/participants/{agent}/replace/agent`
 * (`TransferToAgentRequest`); consult: `POST …/calls/{id}/participants/{customer}/consult/agent`
 * (`ConsultTransferToAgent`, `speakTo: DESTINATION`), merge `PATCH …/consult` `speakTo: CONFERENCE`,
 * cancel `DELETE …/consult`, leave-and-transfer = the consulting agent disconnects. ICC has no accept
 * step for a transferred call, so the adapter answers the joining user's alerting call for them.
 */
export async function executeGenesysCallTransfer(target: CommandTarget, command: CallTransferCommand): Promise<IccEvent[]> {
  const { record, conversationId, agentId, config, ids, at } = target;
  const { client } = target.current;
  const handler = target.offer('accepted');
  const customer = record.progress?.customerParticipantId;
  if (customer === undefined) throw target.refused();
  const targetUser = (target: string) => {
    assertCallTransferTarget(agentId, target);
    const userId = config.userMap[target];
    if (userId === undefined) throw new IccError('not_found', `Agent ${target} is not mapped to a Genesys user`, [{ path: ['agentId'], message: 'Unknown agent', code: 'custom' }]);
    return userId;
  };
  /** The joining user's participant is the next offer of the conversation: already known, never offered in ICC. */
  const joining = async (request: () => Promise<string | undefined>, userId: string) => {
    const before = record.cursor;
    const next = (record.progress?.offers.length ?? 0) + 1;
    record.cursor = { offered: next, resolved: next };
    await undoOnFailure(async () => {
      const participantId =
        (await request()) ??
        (await client.getConversation(conversationId)).participants.findLast(
          (participant) => participant.userId === userId && (participant.calls ?? []).some((call) => mapGenesysParticipantState(call.state) === 'ringing'),
        )?.id;
      if (participantId !== undefined) await client.patchParticipant('calls', conversationId, participantId, { state: 'connected' });
    }, () => (record.cursor = before));
  };
  const when = (build: () => NewIccEvent[]) => target.emitWhen(() => (target.view().agentId === agentId ? build() : []));

  switch (command.type) {
    case 'transfer-call': {
      const transferTarget = callTransferTargetOf(command);
      requireCallTransferKindSupported(GENESYS_CAPABILITIES, transferTarget);
      if (transferTarget.kind !== 'agent') throw target.refused();
      const toAgentId = transferTarget.agentId;
      const userId = targetUser(toAgentId);
      await joining(() => client.replaceWithAgent(conversationId, handler.participantId, { userId }).then(() => undefined), userId);
      return when(() => [{ type: 'interaction.call-transferred', ...ids, at: at(), fromAgentId: agentId, toAgentId, method: 'blind' }]);
    }
    case 'consult-call': {
      const userId = targetUser(command.agentId);
      const consultingUserId = config.userMap[agentId];
      await joining(
        async () =>
          (await client.consultAgent(conversationId, customer, { speakTo: 'DESTINATION', userId, ...(consultingUserId !== undefined ? { consultingUserId } : {}) }))
            .destinationParticipantId,
        userId,
      );
      return when(() => [{ type: 'interaction.consult-started', ...ids, at: at(), agentId: command.agentId }]);
    }
    case 'merge-calls':
      await client.updateConsult(conversationId, customer, { speakTo: 'CONFERENCE' });
      return when(() => [{ type: 'interaction.consult-ended', ...ids, at: at(), result: 'merged' }]);
    case 'cancel-consult':
      await client.cancelConsult(conversationId, customer);
      return when(() => [{ type: 'interaction.consult-ended', ...ids, at: at(), result: 'cancelled' }]);
    case 'leave-and-transfer': {
      const consulted = target.view().call.consultAgentId;
      if (consulted === undefined) throw target.refused();
      await client.patchParticipant('calls', conversationId, handler.participantId, { state: 'disconnected' });
      return when(() => [{ type: 'interaction.call-transferred', ...ids, at: at(), fromAgentId: agentId, toAgentId: consulted, method: 'consult' }]);
    }
  }
}
