import type { AgentCommand, AgentCommandType, Interaction } from '@icc/protocol';
import { useId, useState } from 'react';
import { PRESENCE_LABELS } from '../presence/presence-labels';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ControlButton, type VendorLimit } from '../ui/vendor-limits';
import cardCss from '../ui/card.module.css';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import { cx } from '../ui/cx';

interface CallTransferControlsProps {
  interaction: Interaction;
  controls: ReadonlySet<AgentCommandType>;
  pending: boolean;
  send(command: AgentCommand, label: string): void;
  /** Why the vendor cannot do a command (the note is rendered by the caller). */
  limitOf?(command: AgentCommandType): VendorLimit | undefined;
}

/** Transfer of the live call to an agent: Blind, or Consult then Merge calls / Leave & transfer / Cancel consult. */
export function CallTransferControls({ interaction, controls, pending, send, limitOf = () => undefined }: CallTransferControlsProps) {
  const { me, agents } = useWorkspaceState();
  const choices = agents.filter((agent) => agent.id !== me.id && agent.role === 'agent');
  const [chosenAgentId, setChosenAgentId] = useState<string | undefined>(undefined);
  const agentId = chosenAgentId ?? choices.find((agent) => agent.presence === 'available')?.id ?? choices[0]?.id;
  const id = useId();
  const interactionId = interaction.id;
  const consultAgentId = interaction.call.consultAgentId;
  const consultName = agents.find((agent) => agent.id === consultAgentId)?.displayName ?? consultAgentId;
  const can = (type: AgentCommandType) => controls.has(type) && !pending;

  return (
    <fieldset className={cardCss.subpanel}>
      <legend>Transfer call</legend>
      {consultAgentId === undefined ? (
        <div className={interactionCss.callbackActionsRow}>
          <div className={cx(controlsCss.field, controlsCss.fieldInline)}>
            <label htmlFor={`${id}-agent`}>Transfer to agent</label>
            <select
              id={`${id}-agent`}
              value={agentId ?? ''}
              disabled={!can('transfer-call') && !can('consult-call')}
              onChange={(event) => setChosenAgentId(event.target.value)}
            >
              {choices.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.displayName} ({PRESENCE_LABELS[agent.presence]})
                </option>
              ))}
            </select>
          </div>
          <div className={controlsCss.buttonRow}>
            <ControlButton
              className={controlsCss.button}
              limit={limitOf('transfer-call')}
              disabled={!can('transfer-call') || agentId === undefined}
              onClick={() => agentId && send({ type: 'transfer-call', interactionId, agentId }, 'Blind transfer')}
            >
              Blind transfer
            </ControlButton>
            <ControlButton
              className={controlsCss.button}
              limit={limitOf('consult-call')}
              disabled={!can('consult-call') || agentId === undefined}
              onClick={() => agentId && send({ type: 'consult-call', interactionId, agentId }, 'Consult')}
            >
              Consult
            </ControlButton>
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
