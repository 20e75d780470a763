import type { CustomerCallbackStatus } from '@icc/protocol';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { FreeSlotPicker } from '../scheduling/free-slot-picker';
import { cx } from '../ui/cx';
import controlsCss from '../ui/controls.module.css';
import { CustomerStatusRefusal, type CustomerStatusApi } from './customer-status-api';
import { customerTime } from './customer-time';
import { refusalText } from './refusal-text';

interface CustomerMoveProps {
  api: CustomerStatusApi;
  /** The customer's zone: slots and times are written on their clock. */
  timeZone: string;
  onChanged(status: CustomerCallbackStatus, message: string): void;
}

/**
 * Move to a free slot of the queue (the agents' picker, fed by the token-guarded `…/status/slots`), after a
 * confirmation. A slot taken meanwhile answers 409 `slot_full`: its next free slots are offered instead.
 */
export function CustomerMove({ api, timeZone, onChanged }: CustomerMoveProps) {
  const id = useId();
  const [reloads, setReloads] = useState(0);
  const [picked, setPicked] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [nextFree, setNextFree] = useState<string[]>();
  const [problem, setProblem] = useState<string>();
  const yes = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const full = useRef<HTMLDivElement>(null);
  const returnFocus = useRef(false);
  const onYourClock = useCallback((start: string) => customerTime(start, timeZone), [timeZone]);
  const loadSlots = useCallback((range: { from: string; to: string }) => api.slots(range), [api]);

  useEffect(() => {
    if (confirming) yes.current?.focus();
    else if (returnFocus.current) trigger.current?.focus();
    returnFocus.current = false;
  }, [confirming]);
  useEffect(() => {
    if (nextFree) full.current?.focus();
  }, [nextFree]);

  function ask(start: string): void {
    setPicked(start);
    setNextFree(undefined);
    setConfirming(true);
  }

  function move(start: string): void {
    setPending(true);
    setProblem(undefined);
    api
      .move(start)
      .then((next) => {
        setPicked(undefined);
        setConfirming(false);
        setReloads((count) => count + 1);
        onChanged(next, `Your callback is moved. We will call you ${onYourClock(next.scheduledAt ?? start)}.`);
      })
      .catch((error: unknown) => {
        setConfirming(false);
        setReloads((count) => count + 1);
        if (error instanceof CustomerStatusRefusal && error.body.code === 'slot_full') setNextFree(error.body.nextFreeSlots ?? []);
        else setProblem(refusalText(error));
      })
      .finally(() => setPending(false));
  }

  return (
    <div>
      {/* A new key after each answer: the picker reads the slots again (seats change with every move). */}
      <FreeSlotPicker key={reloads} loadSlots={loadSlots} onPick={setPicked} label={`Move to a free time (your time zone, ${timeZone})`} formatStart={onYourClock} />
      {confirming && picked ? (
        <div role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>Move your callback to {onYourClock(picked)}?</p>
          <div className={controlsCss.buttonRow}>
            <button ref={yes} type="button" className={cx(controlsCss.button, controlsCss.buttonPrimary)} disabled={pending} onClick={() => move(picked)}>
              Yes, move it
            </button>
            <button
              type="button"
              className={controlsCss.button}
              onClick={() => {
                returnFocus.current = true;
                setConfirming(false);
              }}
            >
              No, keep the current time
            </button>
          </div>
        </div>
      ) : (
        <button ref={trigger} type="button" className={controlsCss.button} disabled={picked === undefined} onClick={() => picked && ask(picked)}>
          Move to this time
        </button>
      )}
      {nextFree && (
        <div ref={full} role="alert" tabIndex={-1} aria-labelledby={`${id}-full`}>
          <p id={`${id}-full`}>
            {nextFree.length > 0 ? 'That time has just been taken. The next free times are:' : 'That time has just been taken, and there is no free time in the next two weeks.'}
          </p>
          <ul>
            {nextFree.map((start) => (
              <li key={start}>
                <button type="button" className={controlsCss.button} onClick={() => ask(start)}>
                  {onYourClock(start)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && <p role="alert">Could not move it: {problem}</p>}
    </div>
  );
}
