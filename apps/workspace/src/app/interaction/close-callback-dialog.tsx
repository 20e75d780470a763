import type { Interaction } from '@icc/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ModalDialog } from '../ui/modal-dialog';
import { closeConsequence } from './close-consequence';
import { closingReasonsOf } from './closing-reasons';
import bannersCss from '../shell/banners.module.css';
import controlsCss from '../ui/controls.module.css';
import modalCss from '../ui/modal-dialog.module.css';
import { cx } from '../ui/cx';

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
        <h2 id={`${id}-title`} className={modalCss.modalTitle}>
          Close callback: {interaction.card.customerName}
        </h2>
        <p id={`${id}-description`} className={modalCss.modalDescription}>
          {consequence.summary}
        </p>
        {consequence.needsConfirmation && (
          <p className={cx(bannersCss.notice, bannersCss.noticeInfo)}>
            {consequence.untriedNumbers.length > 0 && `${consequence.untriedNumbers.join(', ')} has not been tried. `}
            {consequence.attemptsLeft} more {consequence.attemptsLeft === 1 ? 'attempt is' : 'attempts are'} allowed.
          </p>
        )}
        <div className={controlsCss.field}>
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
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-notes`}>Notes (optional)</label>
          <textarea id={`${id}-notes`} rows={3} maxLength={500} value={notes} onChange={(event) => setNotes(event.target.value)} />
        </div>
        {consequence.needsConfirmation && (
          <div className={cx(controlsCss.field, controlsCss.fieldCheck)}>
            <input
              id={`${id}-confirm`}
              type="checkbox"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
            />
            <label htmlFor={`${id}-confirm`}>Close it anyway: no further attempts will be made</label>
          </div>
        )}
        <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
          <button type="button" className={controlsCss.button} onClick={onDismiss}>
            Keep callback open
          </button>
          <button type="submit" className={cx(controlsCss.button, controlsCss.buttonDanger)} disabled={!ready || disabled}>
            Close callback
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
