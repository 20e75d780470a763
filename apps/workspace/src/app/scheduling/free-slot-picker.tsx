import type { QueueSlot } from '@icc/protocol';
import { useEffect, useId, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { formatDateTime } from '../ui/format-instant';
import controlsCss from '../ui/controls.module.css';

/** How far ahead the pickers look: two days of a queue's slots. */
const LOOK_AHEAD_MS = 2 * 86_400_000;
/** At most this many free slots in the list (the time field still takes any other). */
const MAX_OFFERED = 60;

/** `datetime-local` value (the agent's clock) of an ISO instant: the inverse of `localInputToInstant`. */
export function instantToLocalInput(instant: string): string {
  const date = new Date(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface FreeSlotPickerProps {
  queueId: string;
  /** The chosen slot's start, as a `datetime-local` value for the time field next to it. */
  onPick(localInput: string): void;
}

/** The queue's free scheduled-callback slots (`GET /v1/queues/:id/slots`), soonest first. */
export function FreeSlotPicker({ queueId, onPick }: FreeSlotPickerProps) {
  const session = useSession();
  const id = useId();
  const [slots, setSlots] = useState<QueueSlot[] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    if (queueId === '') return;
    let current = true;
    const now = Date.now();
    setSlots(undefined);
    setChosen('');
    session.rest
      .listQueueSlots(queueId, { from: new Date(now).toISOString(), to: new Date(now + LOOK_AHEAD_MS).toISOString() })
      .then((list) => current && setSlots(list.items.filter((slot) => slot.remaining > 0).slice(0, MAX_OFFERED)))
      .catch((error: unknown) => current && setFailure(describeError(error)));
    return () => {
      current = false;
    };
  }, [session, queueId]);

  return (
    <div className={controlsCss.field}>
      <label htmlFor={`${id}-slot`}>Free slot</label>
      <select
        id={`${id}-slot`}
        value={chosen}
        disabled={slots === undefined || slots.length === 0}
        onChange={(event) => {
          setChosen(event.target.value);
          if (event.target.value !== '') onPick(instantToLocalInput(event.target.value));
        }}
      >
        <option value="">{slots === undefined ? 'Loading free slots…' : slots.length === 0 ? 'No free slot in the next two days' : 'Choose a free slot'}</option>
        {slots?.map((slot) => (
          <option key={slot.start} value={slot.start}>
            {formatDateTime(slot.start)} ({slot.remaining} left)
          </option>
        ))}
      </select>
      {failure && <p className={controlsCss.fieldError}>Free slots could not be loaded: {failure}</p>}
    </div>
  );
}
