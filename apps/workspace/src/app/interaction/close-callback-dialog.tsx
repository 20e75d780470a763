import type { Interaction } from '@icc/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ModalDialog } from '../ui/modal-dialog';
import { closeConsequence } from './close-consequence';
import { closingReasonsOf } from './closing-reasons';

interface CloseCallbackDialogProps {
  interaction: Interaction;
  disabled: boolean;
  onClose(reasonLabel: string, notes: string): void;
  onDismiss(): void;
}

/** Asks for the closing reason, says what closing does to the customer, and asks to confirm a close that gives up attempts. */
export function CloseCallbackDialog({ interaction, disabled, onClose, onDismiss }: CloseCallbackDialogProps) {
  const { queues } = useWorkspaceState();
  const reasons = closingReasonsOf(queues, interaction);
  const consequence = closeConsequence(interaction);
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const id = useId();
  const ready = reason !== '' && (!consequence.needsConfirmation || confirmed);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (ready) onClose(reason, notes.trim());
  }

  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`} onDismiss={onDismiss}>
      <form noValidate onSubmit={submit}>
        <h2 id={`${id}-title`} className="modal__title">
          Close callback: {interaction.card.customerName}
        </h2>
        <p id={`${id}-description`} className="modal__description">
          {consequence.summary}
        </p>
        {consequence.needsConfirmation && (
          <p className="notice notice--info">
            {consequence.untriedNumbers.length > 0 && `${consequence.untriedNumbers.join(', ')} has not been tried. `}
            {consequence.attemptsLeft} more {consequence.attemptsLeft === 1 ? 'attempt is' : 'attempts are'} allowed.
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-reason`}>Closing reason</label>
          <select id={`${id}-reason`} value={reason} required onChange={(event) => setReason(event.target.value)}>
            <option value="">Choose a reason</option>
            {reasons.map((label) => (
              <option key={label} value={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-notes`}>Notes (optional)</label>
          <textarea id={`${id}-notes`} rows={3} maxLength={500} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </div>
        {consequence.needsConfirmation && (
          <div className="field field--check">
            <input
              id={`${id}-confirm`}
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <label htmlFor={`${id}-confirm`}>Close it anyway: no further attempts will be made</label>
          </div>
        )}
        <div className="button-row button-row--end">
          <button type="button" className="button" onClick={onDismiss}>
            Keep callback open
          </button>
          <button type="submit" className="button button--danger" disabled={!ready || disabled}>
            Close callback
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
