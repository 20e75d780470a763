import { useId, useState, type FormEvent } from 'react';
import cardCss from '../ui/card.module.css';
import { KeepCheckbox } from '../ui/kept-callback-limit';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import { cx } from '../ui/cx';
import { FreeSlotPicker, instantToLocalInput } from '../scheduling/free-slot-picker';
import { useQueueSlots } from '../scheduling/use-queue-slots';

interface RescheduleFormProps {
  disabled: boolean;
  /** The callback's queue: its free slots are offered. */
  queueId: string;
  /** `keepForMe`: the callback comes back to this agent only ("call me back Tuesday"). */
  onReschedule(start: string, windowEnd: string | undefined, keepForMe: boolean): void;
  onCancel(): void;
}

/** `datetime-local` value (the agent's clock) to an ISO instant; undefined when not a date. */
export function localInputToInstant(value: string): string | undefined {
  if (value === '') return undefined;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Validation of the reschedule fields; the message says what to change. */
export function rescheduleProblem(start: string | undefined, windowEnd: string | undefined, now: number): string | undefined {
  if (start === undefined) return 'Choose when to call back.';
  if (Date.parse(start) <= now) return 'The new time must be in the future.';
  if (windowEnd !== undefined && Date.parse(windowEnd) <= Date.parse(start)) return 'The window must end after it starts.';
  return undefined;
}

/** Moves the callback to a later time: it waits as scheduled, for the queue or kept for this agent. */
export function RescheduleForm({ disabled, queueId, onReschedule, onCancel }: RescheduleFormProps) {
  const [start, setStart] = useState('');
  const [windowEnd, setWindowEnd] = useState('');
  const [keepForMe, setKeepForMe] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const id = useId();
  const loadSlots = useQueueSlots(queueId);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const startInstant = localInputToInstant(start);
    const windowEndInstant = localInputToInstant(windowEnd);
    const found = rescheduleProblem(startInstant, windowEndInstant, Date.now());
    setProblem(found);
    if (found === undefined && startInstant !== undefined) onReschedule(startInstant, windowEndInstant, keepForMe);
  }

  return (
    <form className={cardCss.subpanel} aria-label="Reschedule callback" noValidate onSubmit={submit}>
      <FreeSlotPicker loadSlots={loadSlots} onPick={(instant) => setStart(instantToLocalInput(instant))} />
      <div className={interactionCss.callbackActionsRow}>
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-start`}>Call back at</label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            value={start}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => setStart(event.target.value)}
          />
        </div>
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-end`}>Window ends (optional)</label>
          <input id={`${id}-end`} type="datetime-local" value={windowEnd} onChange={(event) => setWindowEnd(event.target.value)} />
        </div>
      </div>
      <KeepCheckbox id={`${id}-keep`} label="Keep it for me (I make this call)" checked={keepForMe} onChange={setKeepForMe} />
      {problem && (
        <p id={`${id}-problem`} className={controlsCss.fieldError}>
          {problem}
        </p>
      )}
      <div className={controlsCss.buttonRow}>
        <button type="submit" className={cx(controlsCss.button, controlsCss.buttonPrimary)} disabled={disabled}>
          Confirm reschedule
        </button>
        <button type="button" className={cx(controlsCss.button, controlsCss.buttonQuiet)} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
