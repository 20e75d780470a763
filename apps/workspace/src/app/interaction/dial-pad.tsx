import { useId, useState } from 'react';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

interface DialPadProps {
  disabled: boolean;
  onKey(digit: string): void;
}

/** DTMF keys for IVRs the customer's side puts in the way; hidden until asked for. */
export function DialPad({ disabled, onKey }: DialPadProps) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState('');
  const padId = useId();

  function press(digit: string): void {
    setSent((digits) => (digits + digit).slice(-32));
    onKey(digit);
  }

  return (
    <div className="dial-pad">
      <button
        type="button"
        className="button button--small disclosure"
        aria-expanded={open}
        aria-controls={padId}
        onClick={() => setOpen((value) => !value)}
      >
        Dial pad
      </button>
      <div id={padId} hidden={!open}>
        <div role="group" aria-label="Dial pad keys" className="dial-pad__keys">
          {KEYS.map((key) => (
            <button key={key} type="button" className="dial-pad__key" disabled={disabled} onClick={() => press(key)}>
              {key}
            </button>
          ))}
        </div>
        <p className="dial-pad__sent" aria-live="polite">
          {sent === '' ? 'No tones sent yet.' : `Sent: ${sent}`}
        </p>
      </div>
    </div>
  );
}
