import { useId, useState } from 'react';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import signInCss from '../sign-in/sign-in.module.css';
import { cx } from '../ui/cx';

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
    <div className={interactionCss.dialPad}>
      <button
        type="button"
        className={cx(controlsCss.button, controlsCss.buttonSmall, signInCss.disclosure)}
        aria-expanded={open}
        aria-controls={padId}
        onClick={() => setOpen((value) => !value)}
      >
        Dial pad
      </button>
      <div id={padId} hidden={!open}>
        <div role="group" aria-label="Dial pad keys" className={interactionCss.dialPadKeys}>
          {KEYS.map((key) => (
            <button key={key} type="button" className={interactionCss.dialPadKey} disabled={disabled} onClick={() => press(key)}>
              {key}
            </button>
          ))}
        </div>
        <p className={interactionCss.dialPadSent} aria-live="polite">
          {sent === '' ? 'No tones sent yet.' : `Sent: ${sent}`}
        </p>
      </div>
    </div>
  );
}
