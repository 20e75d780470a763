import { useId } from 'react';
import controlsCss from '../ui/controls.module.css';
import { KeepCheckbox } from '../ui/kept-callback-limit';

export interface FollowUpChoice {
  wanted: boolean;
  /** `datetime-local` value, the agent's clock. */
  start: string;
}

interface FollowUpFieldsProps {
  value: FollowUpChoice;
  problem: string | undefined;
  onChange(value: FollowUpChoice): void;
}

/** Wrap-up's "I will call the customer back myself at …" (a new callback kept for this agent). */
export function FollowUpFields({ value, problem, onChange }: FollowUpFieldsProps) {
  const id = useId();
  return (
    <fieldset className={controlsCss.choiceGroup}>
      <legend>Call me back later</legend>
      <KeepCheckbox id={`${id}-wanted`} label="I will call the customer back myself" checked={value.wanted} onChange={(wanted) => onChange({ ...value, wanted })} />
      {value.wanted && (
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-start`}>Call back at (your time)</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            value={value.start}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => onChange({ ...value, start: event.target.value })}
          />
          {problem && (
            <p id={`${id}-problem`} className={controlsCss.fieldError}>
              {problem}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
