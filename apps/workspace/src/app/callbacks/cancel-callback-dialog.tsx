import type { Callback } from '@icc/protocol';
import { useId } from 'react';
import { ModalDialog } from '../ui/modal-dialog';
import { UNDO_WINDOW_MS } from './use-undoable-cancel';

/** Says what cancelling does to the customer before it happens. */
export function CancelCallbackDialog({ callback, onConfirm, onDismiss }: { callback: Callback; onConfirm(): void; onDismiss(): void }) {
  const id = useId();
  const customer = `${callback.customer.firstName} ${callback.customer.lastName}`;
  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`} onDismiss={onDismiss}>
      <h2 id={`${id}-title`} className="modal__title">
        Cancel callback {callback.number}
      </h2>
      <p id={`${id}-description`} className="modal__description">
        {customer} will not be called back and the request is recorded as cancelled. You can undo it for{' '}
        {UNDO_WINDOW_MS / 1000} seconds.
      </p>
      <div className="button-row button-row--end">
        <button type="button" className="button" onClick={onDismiss}>
          Keep callback
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Cancel callback
        </button>
      </div>
    </ModalDialog>
  );
}
