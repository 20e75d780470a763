import type { Agent, MissedOffersPage, QueueConfig } from '@icc/protocol';
import { formatTime } from '../ui/format-instant';
import styles from './supervisor.module.css';

interface MissedOffersSectionProps {
  page: MissedOffersPage;
  queues: readonly QueueConfig[];
  agents: readonly Agent[];
}

const REASON_LABELS = { timeout: 'Timed out', rejected: 'Rejected' } as const;

/** Missed and rejected offers per queue, and the latest ones with who, where and why. */
export function MissedOffersSection({ page, queues, agents }: MissedOffersSectionProps) {
  const queueNames = new Map(queues.map((queue) => [queue.id, queue.name]));
  const agentNames = new Map(agents.map((agent) => [agent.id, agent.displayName]));
  return (
    <div className={styles.twoColumns}>
      <div className="table-scroll">
        <table className="table table--numeric">
          <caption>Per queue</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Timed out</th>
              <th scope="col">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {page.totals.byQueue.length === 0 && (
              <tr>
                <td colSpan={3}>No missed or rejected offers.</td>
              </tr>
            )}
            {page.totals.byQueue.map((count) => (
              <tr key={count.id}>
                <th scope="row">{queueNames.get(count.id) ?? count.id}</th>
                <td>{count.timeout}</td>
                <td>{count.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption>Latest</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Agent</th>
              <th scope="col">Queue</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 && (
              <tr>
                <td colSpan={4}>None in the last hour.</td>
              </tr>
            )}
            {page.items.map((offer) => (
              <tr key={offer.seq}>
                <td>{formatTime(offer.at)}</td>
                <th scope="row">{agentNames.get(offer.agentId) ?? offer.agentId}</th>
                <td>{queueNames.get(offer.queueId) ?? offer.queueId}</td>
                <td>{REASON_LABELS[offer.reason]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
