import type { QueueConfig, QueueHistory, QueueStats } from '@icc/protocol';
import { useId, useState } from 'react';
import { historySeries, withLiveBacklog, type HistorySeries } from './history-series';
import styles from './supervisor.module.css';
import { TimeSeriesChart } from './time-series-chart';

const COLORS = { depth: '#1d5bbf', wait: '#8a5300', offered: '#5b3cc4', accepted: '#13703a', missed: '#b02a1e', level: '#13703a' };

interface SupervisorChartsProps {
  queues: readonly QueueConfig[];
  history: QueueHistory;
  stats: readonly QueueStats[];
  now: number;
}

const last = <T,>(values: readonly T[]): T | undefined => values[values.length - 1];
const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

function overallServiceLevel(series: HistorySeries): number | null {
  const accepted = total(series.accepted);
  if (accepted === 0) return null;
  const inTime = series.accepted.reduce((sum, count, index) => sum + count * (series.serviceLevelPercent[index] ?? 0), 0);
  return Math.round(inTime / accepted);
}

/** The last hour of one queue (or all), live: backlog, offers against accepts, service level. */
export function SupervisorCharts({ queues, history, stats, now }: SupervisorChartsProps) {
  const id = useId();
  const [queueId, setQueueId] = useState<string | undefined>(undefined);
  const series = withLiveBacklog(historySeries(history, queueId), stats, queueId, now);
  const level = overallServiceLevel(series);
  const depth = last(series.depth) ?? 0;
  const oldest = last(series.oldestWaitMinutes) ?? 0;
  const offered = total(series.offered);
  const accepted = total(series.accepted);
  const missed = total(series.missed);
  const target = Math.round(history.serviceLevelSeconds / 60);

  return (
    <>
      <div className={styles.toolbar}>
        <label htmlFor={`${id}-queue`}>Charts for</label>
        <select id={`${id}-queue`} value={queueId ?? ''} onChange={(event) => setQueueId(event.target.value || undefined)}>
          <option value="">All queues</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
        <span className={styles.muted}>
          Last {Math.round(((history.queues[0]?.points.length ?? 0) * history.bucketSeconds) / 60)} minutes, per minute
        </span>
      </div>
      <dl className={styles.headline}>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>Waiting now</dt>
          <dd className={styles.figureValue}>{depth}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>Oldest wait</dt>
          <dd className={styles.figureValue}>{oldest.toFixed(1)} min</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>Offers / accepted / missed</dt>
          <dd className={styles.figureValue}>
            {offered} / {accepted} / {missed}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.figureLabel}>Service level ({target} min)</dt>
          <dd className={styles.figureValue}>{level === null ? '—' : `${level}%`}</dd>
        </div>
      </dl>
      <div className={styles.charts}>
        <TimeSeriesChart
          title="Waiting callbacks and oldest wait"
          summary={`${depth} waiting now, the oldest for ${oldest.toFixed(1)} minutes; at most ${Math.max(0, ...series.depth)} waiting in the last hour.`}
          times={series.times}
          leftAxis="Waiting"
          rightAxis="Oldest wait (min)"
          lines={[
            { label: 'Waiting', values: series.depth, color: COLORS.depth },
            { label: 'Oldest wait (min)', values: series.oldestWaitMinutes, color: COLORS.wait, scale: 'y2', dashed: true },
          ]}
        />
        <TimeSeriesChart
          title="Offers against accepts"
          summary={`In the last hour ${offered} offers were made, ${accepted} accepted and ${missed} missed or rejected.`}
          times={series.times}
          leftAxis="Per minute"
          lines={[
            { label: 'Offered', values: series.offered, color: COLORS.offered },
            { label: 'Accepted', values: series.accepted, color: COLORS.accepted },
            { label: 'Missed or rejected', values: series.missed, color: COLORS.missed, dashed: true },
          ]}
        />
        <TimeSeriesChart
          title="Service level"
          summary={level === null ? 'No offer was accepted in the last hour.' : `${level}% of the offers accepted in the last hour were accepted within ${target} minutes.`}
          times={series.times}
          leftAxis="%"
          lines={[{ label: `Accepted within ${target} min (%)`, values: series.serviceLevelPercent, color: COLORS.level, points: true }]}
        />
      </div>
      <p className={styles.definition}>
        Service level = offers accepted within {target} minutes of the callback becoming due (its request or scheduled start) ÷ offers
        accepted, per minute. Missed = offers let time out or rejected.
      </p>
    </>
  );
}
