import type { AgentCommand, AgentCommandType, Interaction } from '@icc/protocol';
import { useState } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ControlButton, type VendorLimit } from '../ui/vendor-limits';
import cardCss from '../ui/card.module.css';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import { cx } from '../ui/cx';
import {
  CallTransferTargetFields,
  callTransferTargetOfChoice,
  defaultTransferAgentId,
  type CallTransferChoice,
} from './call-transfer-target-fields';

interface CallTransferControlsProps {
  interaction: Interaction;
  controls: ReadonlySet<AgentCommandType>;
  pending: boolean;
  send(command: AgentCommand, label: string): void;
  /** Why the vendor cannot do a command (the note is rendered by the caller). */
  limitOf?(command: AgentCommandType): VendorLimit | undefined;
}

/**
 * Transfer of the live call: Blind to an agent, a queue or an outside number; or Consult an agent,
 * then Merge calls / Leave & transfer / Cancel consult.
 */
export function CallTransferControls({ interaction, controls, pending, send, limitOf = () => undefined }: CallTransferControlsProps) {
  const { me, agents, queues } = useWorkspaceState();
  const agentChoices = agents.filter((agent) => agent.id !== me.id && agent.role === 'agent');
  const [chosen, setChosen] = useState<Partial<CallTransferChoice>>({});
  const choice: CallTransferChoice = {
    kind: chosen.kind ?? 'agent',
    agentId: chosen.agentId ?? defaultTransferAgentId(agentChoices),
    queueId: chosen.queueId ?? queues.find((queue) => queue.id !== interaction.queueId)?.id ?? queues[0]?.id,
    phoneNumber: chosen.phoneNumber ?? '',
  };
  const target = callTransferTargetOfChoice(choice);
  const interactionId = interaction.id;
  const consultAgentId = interaction.call.consultAgentId;
  const consultName = agents.find((agent) => agent.id === consultAgentId)?.displayName ?? consultAgentId;
  const can = (type: AgentCommandType) => controls.has(type) && !pending;

  return (
    <fieldset className={cardCss.subpanel}>
      <legend>Transfer call</legend>
      {consultAgentId === undefined ? (
        <div className={interactionCss.callbackActionsRow}>
          <CallTransferTargetFields choice={choice} disabled={!can('transfer-call') && !can('consult-call')} onChange={setChosen} />
          <div className={controlsCss.buttonRow}>
            <ControlButton
              className={controlsCss.button}
              limit={limitOf('transfer-call')}
              disabled={!can('transfer-call') || target === undefined}
              onClick={() => target && send({ type: 'transfer-call', interactionId, target }, 'Blind transfer')}
            >
              Blind transfer
            </ControlButton>
            {choice.kind === 'agent' ? (
              <ControlButton
                className={controlsCss.button}
                limit={limitOf('consult-call')}
                disabled={!can('consult-call') || choice.agentId === undefined}
                onClick={() => choice.agentId && send({ type: 'consult-call', interactionId, agentId: choice.agentId }, 'Consult')}
              >
                Consult
              </ControlButton>
            ) : null}
          </div>
        </div>
      ) : (
        <div className={interactionCss.callbackActionsRow}>
          <p className={interactionCss.callTransferConsult}>
            {interaction.call.conference ? 'In conference with ' : 'Consulting '}
            <strong>{consultName}</strong>
          </p>
          <div className={controlsCss.buttonRow}>
            <button
              type="button"
              className={controlsCss.button}
              disabled={!can('merge-calls')}
              onClick={() => send({ type: 'merge-calls', interactionId }, 'Merge calls')}
            >
              Merge calls
            </button>
            <button
              type="button"
              className={cx(controlsCss.button, controlsCss.buttonPrimary)}
              disabled={!can('leave-and-transfer')}
              onClick={() => send({ type: 'leave-and-transfer', interactionId }, 'Leave & transfer')}
            >
              Leave &amp; transfer
            </button>
            <button
              type="button"
              className={controlsCss.button}
              disabled={!can('cancel-consult')}
              onClick={() => send({ type: 'cancel-consult', interactionId }, 'Cancel consult')}
            >
              Cancel consult
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
