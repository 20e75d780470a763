import type { Interaction, TransferTarget } from '@icc/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PRESENCE_LABELS } from '../presence/presence-labels';
import cardCss from '../ui/card.module.css';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';

interface TransferCallbackFormProps {
  interaction: Interaction;
  disabled: boolean;
  onTransfer(target: TransferTarget): void;
  onCancel(): void;
}

/** Picks where Transfer callback sends the callback: another queue or a named agent. */
export function TransferCallbackForm({ interaction, disabled, onTransfer, onCancel }: TransferCallbackFormProps) {
  const { me, queues, agents } = useWorkspaceState();
  const queueChoices = queues.filter((queue) => queue.id !== interaction.queueId);
  const agentChoices = agents.filter((agent) => agent.id !== me.id && agent.role === 'agent');
  const [kind, setKind] = useState<TransferTarget['kind']>(queueChoices.length > 0 ? 'queue' : 'agent');
  const [queueId, setQueueId] = useState(queueChoices[0]?.id ?? '');
  // An Available colleague first: a transfer to someone Offline would only bounce.
  const [agentId, setAgentId] = useState(
    agentChoices.find((agent) => agent.presence === 'available')?.id ?? agentChoices[0]?.id ?? '',
  );
  const id = useId();
  const selected = kind === 'queue' ? queueId : agentId;

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (selected === '') return;
    onTransfer(kind === 'queue' ? { kind, queueId } : { kind, agentId });
  }

  return (
    <form className={cardCss.subpanel} aria-label="Transfer callback" onSubmit={submit}>
      <fieldset className={controlsCss.choiceGroup}>
        <legend>Transfer to</legend>
        <label className={controlsCss.choice}>
          <input type="radio" name={`${id}-kind`} checked={kind === 'queue'} onChange={() => setKind('queue')} />
          A queue
        </label>
        <label className={controlsCss.choice}>
          <input type="radio" name={`${id}-kind`} checked={kind === 'agent'} onChange={() => setKind('agent')} />
          An agent
        </label>
      </fieldset>
      {kind === 'queue' ? (
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-queue`}>Queue</label>
          <select id={`${id}-queue`} value={queueId} onChange={(event) => setQueueId(event.target.value)}>
            {queueChoices.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-agent`}>Agent</label>
          <select id={`${id}-agent`} value={agentId} onChange={(event) => setAgentId(event.target.value)}>
            {agentChoices.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.displayName} ({PRESENCE_LABELS[agent.presence]})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={controlsCss.buttonRow}>
        <button type="submit" className={cx(controlsCss.button, controlsCss.buttonPrimary)} disabled={disabled || selected === ''}>
          Confirm transfer
        </button>
        <button type="button" className={cx(controlsCss.button, controlsCss.buttonQuiet)} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
