import { DEFAULT_CALLING_HOURS } from '@icc/core';
import type { QueueConfig } from '@icc/protocol';
import { QueueCallingHoursRow } from './queue-calling-hours-row';
import styles from './supervisor.module.css';

/** Supervisor → Queue settings: the calling hours of every queue. */
export function QueueCallingHoursTable({ queues }: { queues: readonly QueueConfig[] }) {
  return (
    <>
      <p className={styles.muted}>
        On the customer&apos;s clock, every day. Outside them the contact centre does not dial by itself (customer-first callbacks and
        auto-dial queues wait), and agents are warned before they dial by hand. Default {DEFAULT_CALLING_HOURS.start}–{DEFAULT_CALLING_HOURS.end}, the
        US rule for telephone solicitations (47 CFR § 64.1200(c)(1)); 24:00 ends at midnight.
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Calling hours per queue</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Calling hours</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <QueueCallingHoursRow key={queue.id} queue={queue} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
