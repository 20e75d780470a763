import { callingHoursOf } from '@icc/core';
import type { QueueConfig } from '@icc/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../session/session-context';
import { cx } from '../ui/cx';
import controlsCss from '../ui/controls.module.css';
import styles from './supervisor.module.css';

type Field = 'start' | 'end';
type Problems = Partial<Record<Field | 'form', string>>;

interface GatewayIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** The gateway's 400 issues at `callingHours.start` / `.end`, on their fields; anything else on the form. */
function problemsOf(error: unknown): Problems {
  const body = (error as { body?: { message?: string; issues?: GatewayIssue[] } }).body;
  const problems: Problems = {};
  for (const issue of body?.issues ?? []) {
    const [first, second] = issue.path.map(String);
    if (first === 'callingHours' && (second === 'start' || second === 'end')) problems[second] = issue.message;
    else problems.form = issue.message;
  }
  if (Object.keys(problems).length === 0) problems.form = body?.message ?? (error instanceof Error ? error.message : String(error));
  return problems;
}

/**
 * One queue's calling hours, edited in place: the customer's clock, every day. Saved as a new
 * version of the queue (`PATCH /v1/queues/:id`, If-Match its version); the gateway validates, and
 * its issues are shown on the field they name.
 */
export function QueueCallingHoursRow({ queue }: { queue: QueueConfig }) {
  const session = useSession();
  const hours = callingHoursOf(queue);
  const [fields, setFields] = useState<Record<Field, string>>({ start: hours.start, end: hours.end });
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const id = useId();
  const changed = fields.start !== hours.start || fields.end !== hours.end;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (queue.version === undefined) return;
    setSaving(true);
    setStatus('');
    try {
      const saved = await session.updateQueue(queue.id, { callingHours: { start: fields.start.trim(), end: fields.end.trim() } }, queue.version);
      setProblems({});
      setStatus(`Saved: ${queue.name} calls ${fields.start.trim()}–${fields.end.trim()} customer time (version ${saved.version}).`);
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setSaving(false);
    }
  }

  const input = (field: Field, label: string) => (
    <div className={controlsCss.field}>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        className={styles.clockInput}
        inputMode="numeric"
        placeholder="HH:mm"
        value={fields[field]}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={problems[field] ? `${id}-${field}-problem` : undefined}
        onChange={(event) => setFields({ ...fields, [field]: event.target.value })}
      />
      {problems[field] && (
        <p id={`${id}-${field}-problem`} className={controlsCss.fieldError}>
          {problems[field]}
        </p>
      )}
    </div>
  );

  return (
    <tr>
      <th scope="row">{queue.name}</th>
      <td>
        {hours.start}–{hours.end}
        {queue.callingHours === undefined && <span className="cell-secondary">Default</span>}
      </td>
      <td>
        <form className={cx(styles.actions, styles.actionsAlignEnd)} aria-label={`Calling hours of ${queue.name}`} onSubmit={(event) => void save(event)}>
          {input('start', 'From')}
          {input('end', 'Until')}
          <button type="submit" className={cx(controlsCss.button, controlsCss.buttonSmall)} disabled={saving || !changed || queue.version === undefined}>
            Save
          </button>
        </form>
        {problems.form && (
          <p role="alert" className={controlsCss.fieldError}>
            {problems.form}
          </p>
        )}
        <p role="status" className={styles.muted}>
          {status}
        </p>
      </td>
    </tr>
  );
}
