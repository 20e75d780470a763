import type { CustomerCallbackStatus } from '@icc/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { cx } from '../ui/cx';
import controlsCss from '../ui/controls.module.css';
import type { CustomerStatusApi } from './customer-status-api';
import { refusalText } from './refusal-text';

interface CustomerCancelProps {
  api: CustomerStatusApi;
  onChanged(status: CustomerCallbackStatus, message: string): void;
}

/** Cancel, after a confirmation; focus goes to Yes when asked, back to Cancel callback when kept. */
export function CustomerCancel({ api, onChanged }: CustomerCancelProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) yes.current?.focus();
    else if (returnFocus.current) trigger.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  function cancel(): void {
    setPending(true);
    setProblem(undefined);
    api
      .cancel()
      .then((next) => onChanged(next, 'Your callback is cancelled. We will not call you.'))
      .catch((error: unknown) => {
        setProblem(refusalText(error));
        setConfirming(false);
      })
      .finally(() => setPending(false));
  }

  if (!confirming) {
    return (
      <>
        <button ref={trigger} type="button" className={controlsCss.button} onClick={() => setConfirming(true)}>
          Cancel callback
        </button>
        {problem && <p role="alert">Could not cancel: {problem}</p>}
      </>
    );
  }
  return (
    <div role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`}>Cancel this callback? We will not call you.</p>
      <div className={controlsCss.buttonRow}>
        <button ref={yes} type="button" className={cx(controlsCss.button, controlsCss.buttonDanger)} disabled={pending} onClick={cancel}>
          Yes, cancel it
        </button>
        <button
          type="button"
          className={controlsCss.button}
          onClick={() => {
            returnFocus.current = true;
            setConfirming(false);
          }}
        >
          No, keep it
        </button>
      </div>
    </div>
  );
}
