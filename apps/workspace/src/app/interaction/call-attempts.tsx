import type { CallAttempt } from '@icc/protocol';
import { useId } from 'react';
import { formatTime } from '../ui/format-instant';
import cardCss from '../ui/card.module.css';
import tableCss from '../ui/table.module.css';
import { cx } from '../ui/cx';

const OUTCOME_LABELS: Record<NonNullable<CallAttempt['outcome']>, string> = {
  answered: 'Answered',
  'no-answer': 'No answer',
  busy: 'Busy',
  failed: 'Failed',
  voicemail: 'Voicemail',
};

/** Every dial attempt of this interaction: number, time and how it ended. */
export function CallAttempts({ attempts }: { attempts: readonly CallAttempt[] }) {
  const headingId = useId();
  if (attempts.length === 0) return null;
  return (
    <section className={cardCss.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={cardCss.cardTitle}>
        Attempts
      </h2>
      <table className={cx('table', tableCss.tableCompact)}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Number</th>
            <th scope="col">Started</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.attempt}>
              <td>{attempt.attempt}</td>
              <td>{attempt.phoneNumber}</td>
              <td>{formatTime(attempt.startedAt)}</td>
              <td>{attempt.outcome ? OUTCOME_LABELS[attempt.outcome] : 'In progress'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
