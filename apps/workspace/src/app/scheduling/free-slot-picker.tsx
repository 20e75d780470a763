import type { QueueSlot, QueueSlotList } from '@icc/protocol';
import { useEffect, useId, useState } from 'react';
import { describeError } from '../session/describe-error';
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

/** Reads a queue's slots between two instants (an agent's `GET /v1/queues/:id/slots`, a customer's `…/status/slots`). */
export type LoadSlots = (range: { from: string; to: string }) => Promise<QueueSlotList>;

interface FreeSlotPickerProps {
  /** Where the slots come from; a new function reads them again, so keep it stable (`useQueueSlots`, or `useCallback`). */
  loadSlots: LoadSlots | undefined;
  /** The chosen slot's start, an ISO instant. */
  onPick(start: string): void;
  label?: string;
  /** How a slot's start is written; the viewer's clock by default. */
  formatStart?(start: string): string;
}

/** A queue's free scheduled-callback slots, soonest first: New callback, Reschedule, and the customer's status page. */
export function FreeSlotPicker({ loadSlots, onPick, label = 'Free slot', formatStart = formatDateTime }: FreeSlotPickerProps) {
  const id = useId();
  const [slots, setSlots] = useState<QueueSlot[] | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    if (loadSlots === undefined) return;
    let current = true;
    const now = Date.now();
    setSlots(undefined);
    setFailure(undefined);
    setChosen('');
    loadSlots({ from: new Date(now).toISOString(), to: new Date(now + LOOK_AHEAD_MS).toISOString() })
      .then((list) => current && setSlots(list.items.filter((slot) => slot.remaining > 0).slice(0, MAX_OFFERED)))
      .catch((error: unknown) => current && setFailure(describeError(error)));
    return () => {
      current = false;
    };
  }, [loadSlots]);

  return (
    <div className={controlsCss.field}>
      <label htmlFor={`${id}-slot`}>{label}</label>
      <select
        id={`${id}-slot`}
        value={chosen}
        disabled={slots === undefined || slots.length === 0}
        onChange={(event) => {
          setChosen(event.target.value);
          if (event.target.value !== '') onPick(event.target.value);
        }}
      >
        <option value="">{slots === undefined ? 'Loading free slots…' : slots.length === 0 ? 'No free slot in the next two days' : 'Choose a free slot'}</option>
        {slots?.map((slot) => (
          <option key={slot.start} value={slot.start}>
            {formatStart(slot.start)} ({slot.remaining} left)
          </option>
        ))}
      </select>
      {failure && <p className={controlsCss.fieldError}>Free slots could not be loaded: {failure}</p>}
    </div>
  );
}
