import type { QueueConfig, QueueStats } from '@icc/protocol';
import { useId } from 'react';
import { formatSeconds } from '../ui/format-duration';
import { cx } from '../ui/cx';

interface QueueStatsTableProps {
  queues: readonly QueueConfig[];
  stats: readonly QueueStats[];
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The one definition of the answer rate, the same the gateway computes (`toQueueStats` in core). */
export const ANSWER_RATE_DEFINITION = 'Answer rate = calls answered ÷ calls placed (answered + not answered), since the gateway started.';

/** Per queue: depth, oldest wait, scheduled in the next hour, answer rate, preview time, agents available. */
export function QueueStatsTable({ queues, stats }: QueueStatsTableProps) {
  const definitionId = useId();
  const names = new Map(queues.map((queue) => [queue.id, queue.name]));
  const rows = [...stats].sort((a, b) =>
    (names.get(a.queueId) ?? a.queueId).localeCompare(names.get(b.queueId) ?? b.queueId),
  );
  return (
    <div className="table-scroll">
      <table className={cx('table', 'table--numeric')} aria-describedby={definitionId}>
        <caption className="visually-hidden">Queue statistics, updated live</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">In queue</th>
            <th scope="col">Oldest wait</th>
            <th scope="col">Scheduled next hour</th>
            <th scope="col">Answer rate</th>
            <th scope="col">Average preview time</th>
            <th scope="col">Agents available</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={7} className="empty">
                No queue statistics yet. They arrive while something changes in a queue.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.queueId}>
              <th scope="row">{names.get(row.queueId) ?? row.queueId}</th>
              <td data-alert={row.depth > 0 && row.agentsAvailable === 0 ? true : undefined}>{row.depth}</td>
              <td>{row.depth === 0 ? '—' : formatSeconds(row.oldestWaitSeconds)}</td>
              <td>{row.scheduledNextHour}</td>
              <td>
                <span>{percent(row.answerRate)}</span>
                {row.answered + row.noAnswer > 0 && (
                  <span className="cell-secondary">
                    {row.answered} of {row.answered + row.noAnswer} calls
                  </span>
                )}
              </td>
              <td>{row.averagePreviewSeconds === null ? '—' : formatSeconds(row.averagePreviewSeconds)}</td>
              <td>{row.agentsAvailable}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={definitionId} className="table-note">
        {ANSWER_RATE_DEFINITION}
      </p>
    </div>
  );
}
