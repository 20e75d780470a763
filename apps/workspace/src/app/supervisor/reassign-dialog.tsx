import type { Agent, Interaction } from '@icc/protocol';
import { useId, useState } from 'react';
import { PRESENCE_LABELS } from '../presence/presence-labels';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';
import { ModalDialog } from '../ui/modal-dialog';
import modalCss from '../ui/modal-dialog.module.css';

interface ReassignDialogProps {
  interaction: Interaction;
  agents: readonly Agent[];
  /** The agent it is kept for now, if any (not offered as a choice). */
  keptFor: string | undefined;
  onDismiss(): void;
  onConfirm(agentId: string): void;
}

/** Keeps a waiting callback for one agent: each agent with their state, the first one not offline chosen. */
export function ReassignDialog({ interaction, agents, keptFor, onDismiss, onConfirm }: ReassignDialogProps) {
  const id = useId();
  const choices = agents.filter((agent) => agent.role === 'agent' && agent.id !== keptFor);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const agentId = chosen ?? (choices.find((agent) => agent.presence === 'available') ?? choices.find((agent) => agent.presence !== 'offline') ?? choices[0])?.id;
  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`} onDismiss={onDismiss}>
      <h2 id={`${id}-title`} className={modalCss.modalTitle}>
        Reassign callback {interaction.card.callbackNumber}
      </h2>
      <p id={`${id}-description`} className={modalCss.modalDescription}>
        {interaction.card.customerName} is offered to this agent only, when they are available. Release it to the queue to let anyone take it again.
      </p>
      <label htmlFor={`${id}-agent`}>Agent</label>
      <select id={`${id}-agent`} value={agentId ?? ''} onChange={(event) => setChosen(event.target.value)}>
        {choices.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.displayName} ({PRESENCE_LABELS[agent.presence]})
          </option>
        ))}
      </select>
      <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
        <button type="button" className={controlsCss.button} onClick={onDismiss}>
          Keep as is
        </button>
        <button type="button" className={cx(controlsCss.button, controlsCss.buttonPrimary)} disabled={agentId === undefined} onClick={() => agentId && onConfirm(agentId)}>
          Reassign
        </button>
      </div>
    </ModalDialog>
  );
}
