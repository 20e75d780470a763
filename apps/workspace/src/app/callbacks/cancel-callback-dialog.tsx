import type { Callback } from '@icc/protocol';
import { useId } from 'react';
import { ModalDialog } from '../ui/modal-dialog';
import { UNDO_WINDOW_MS } from './use-undoable-cancel';
import controlsCss from '../ui/controls.module.css';
import modalCss from '../ui/modal-dialog.module.css';
import { cx } from '../ui/cx';

/** Says what cancelling does to the customer before it happens. */
export function CancelCallbackDialog({ callback, onConfirm, onDismiss }: { callback: Callback; onConfirm(): void; onDismiss(): void }) {
  const id = useId();
  const customer = `${callback.customer.firstName} ${callback.customer.lastName}`;
  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`} onDismiss={onDismiss}>
      <h2 id={`${id}-title`} className={modalCss.modalTitle}>
        Cancel callback {callback.number}
      </h2>
      <p id={`${id}-description`} className={modalCss.modalDescription}>
        {customer} will not be called back and the request is recorded as cancelled. You can undo it for{' '}
        {UNDO_WINDOW_MS / 1000} seconds.
      </p>
      <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
        <button type="button" className={controlsCss.button} onClick={onDismiss}>
          Keep callback
        </button>
        <button type="button" className={cx(controlsCss.button, controlsCss.buttonDanger)} onClick={onConfirm}>
          Cancel callback
        </button>
      </div>
    </ModalDialog>
  );
}
