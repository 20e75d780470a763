import { CALLBACK_REASON_LABELS, CallbackReasonCode, type Callback } from '@icc/protocol';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ModalDialog } from '../ui/modal-dialog';
import { FreeSlotPicker, instantToLocalInput } from '../scheduling/free-slot-picker';
import { useQueueSlots } from '../scheduling/use-queue-slots';
import { newCallbackRequest, type NewCallbackFields, type NewCallbackProblems } from './new-callback-request';
import bannersCss from '../shell/banners.module.css';
import { KeepCheckbox, useKeptCallbackLimit } from '../ui/kept-callback-limit';
import controlsCss from '../ui/controls.module.css';
import modalCss from '../ui/modal-dialog.module.css';
import { cx } from '../ui/cx';

interface NewCallbackDialogProps {
  onDismiss(): void;
  onCreated(callback: Callback): void;
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A labelled field with its problem announced and tied to it. */
function Field({ id, label, problem, children }: { id: string; label: string; problem: string | undefined; children: ReactNode }) {
  return (
    <div className={controlsCss.field}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem && (
        <p id={`${id}-problem`} className={controlsCss.fieldError}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** New callback for a customer on the phone now: queue, customer, when, and whether this agent keeps it. */
export function NewCallbackDialog({ onDismiss, onCreated }: NewCallbackDialogProps) {
  const session = useSession();
  const { me, queues } = useWorkspaceState();
  const keepLimit = useKeptCallbackLimit();
  const myQueues = queues.filter((queue) => me.role === 'supervisor' || me.queueIds.includes(queue.id));
  const [fields, setFields] = useState<NewCallbackFields>({
    queueId: myQueues[0]?.id ?? '',
    firstName: '',
    lastName: '',
    phoneNumbers: '',
    timeZone: browserTimeZone(),
    reason: 'other-issue',
    shortDescription: '',
    notes: '',
    start: '',
    keepForMe: true,
  });
  const [problems, setProblems] = useState<NewCallbackProblems>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const id = useId();
  const loadSlots = useQueueSlots(fields.queueId);
  const set = <Key extends keyof NewCallbackFields>(key: Key, value: NewCallbackFields[Key]) => setFields((current) => ({ ...current, [key]: value }));
  const invalid = (key: keyof NewCallbackFields) => ({
    'aria-invalid': problems[key] !== undefined,
    'aria-describedby': problems[key] ? `${id}-${key}-problem` : undefined,
  });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    // Keeping is on by default; a vendor that cannot keep callbacks gets an ordinary one.
    const built = newCallbackRequest({ ...fields, keepForMe: fields.keepForMe && !keepLimit }, me.id, Date.now());
    if ('problems' in built) {
      setProblems(built.problems);
      const first = Object.keys(built.problems)[0];
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setProblems({});
    setPending(true);
    try {
      const { callback } = await session.rest.createCallback(built.request);
      onCreated(callback);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`} onDismiss={onDismiss}>
      <form noValidate onSubmit={(event) => void submit(event)} >
        <h2 id={`${id}-title`} className={modalCss.modalTitle}>
          New callback
        </h2>
        <p id={`${id}-description`} className={modalCss.modalDescription}>
          For a customer on the phone now: they will be called back by the queue, or by you when you keep it.
        </p>
        <Field id={`${id}-queueId`} label="Queue" problem={problems.queueId}>
          <select id={`${id}-queueId`} value={fields.queueId} onChange={(event) => set('queueId', event.target.value)} {...invalid('queueId')}>
            {myQueues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </select>
        </Field>
        <div className={controlsCss.buttonRow}>
          <Field id={`${id}-firstName`} label="First name" problem={problems.firstName}>
            <input id={`${id}-firstName`} value={fields.firstName} autoComplete="off" onChange={(event) => set('firstName', event.target.value)} {...invalid('firstName')} />
          </Field>
          <Field id={`${id}-lastName`} label="Last name" problem={problems.lastName}>
            <input id={`${id}-lastName`} value={fields.lastName} autoComplete="off" onChange={(event) => set('lastName', event.target.value)} {...invalid('lastName')} />
          </Field>
        </div>
        <Field id={`${id}-phoneNumbers`} label="Phone numbers (E.164, e.g. +14155550123)" problem={problems.phoneNumbers}>
          <input id={`${id}-phoneNumbers`} type="tel" value={fields.phoneNumbers} onChange={(event) => set('phoneNumbers', event.target.value)} {...invalid('phoneNumbers')} />
        </Field>
        <Field id={`${id}-timeZone`} label="Customer time zone" problem={problems.timeZone}>
          <input id={`${id}-timeZone`} value={fields.timeZone} onChange={(event) => set('timeZone', event.target.value)} {...invalid('timeZone')} />
        </Field>
        <Field id={`${id}-reason`} label="Reason" problem={problems.reason}>
          <select id={`${id}-reason`} value={fields.reason} onChange={(event) => set('reason', event.target.value as NewCallbackFields['reason'])}>
            {CallbackReasonCode.options
              .filter((code) => code !== 'custom')
              .map((code) => (
                <option key={code} value={code}>
                  {CALLBACK_REASON_LABELS[code]}
                </option>
              ))}
          </select>
        </Field>
        <Field id={`${id}-shortDescription`} label="Summary" problem={problems.shortDescription}>
          <input id={`${id}-shortDescription`} value={fields.shortDescription} maxLength={160} onChange={(event) => set('shortDescription', event.target.value)} {...invalid('shortDescription')} />
        </Field>
        <Field id={`${id}-notes`} label="Notes (optional)" problem={problems.notes}>
          <textarea id={`${id}-notes`} rows={3} maxLength={4000} value={fields.notes} onChange={(event) => set('notes', event.target.value)} />
        </Field>
        <FreeSlotPicker loadSlots={loadSlots} onPick={(start) => set('start', instantToLocalInput(start))} />
        <Field id={`${id}-start`} label="Call back at (your time; empty: as soon as possible)" problem={problems.start}>
          <input id={`${id}-start`} type="datetime-local" value={fields.start} onChange={(event) => set('start', event.target.value)} {...invalid('start')} />
        </Field>
        <KeepCheckbox id={`${id}-keep`} label="Keep it for me (I make this call)" checked={fields.keepForMe} onChange={(checked) => set('keepForMe', checked)} />
        {failure && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Could not create the callback: {failure}
          </p>
        )}
        <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
          <button type="button" className={cx(controlsCss.button, controlsCss.buttonQuiet)} onClick={onDismiss}>
            Cancel
          </button>
          <button type="submit" className={cx(controlsCss.button, controlsCss.buttonPrimary)} disabled={pending}>
            Create callback
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
