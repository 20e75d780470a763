import type { Callback } from '@icc/protocol';
import { CALLBACK_REASON_LABELS } from '@icc/protocol';
import { interactionHref } from '../routing/route';
import { formatBothClocks, formatDateTime } from '../ui/format-instant';
import { StateBadge } from '../ui/state-badge';
import { CALLBACK_STATE_LABELS, CALLBACK_STATE_TONES } from './callback-state-labels';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';

interface CallbacksTableProps {
  callbacks: readonly Callback[];
  queueNames: ReadonlyMap<string, string>;
  /** The signed-in agent: a callback kept for them says so, and only they (or a supervisor) may cancel it. */
  meId: string;
  supervisor: boolean;
  busy: boolean;
  onCancel(callback: Callback): void;
}

function typeText(callback: Callback): string {
  return callback.schedule.type === 'scheduled'
    ? `Scheduled · ${formatBothClocks(callback.schedule.start, callback.customer.timeZone)}`
    : 'ASAP';
}

/** One row per callback request; the callback number opens its interaction. */
export function CallbacksTable({ callbacks, queueNames, meId, supervisor, busy, onCancel }: CallbacksTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Callback</th>
            <th scope="col">Customer</th>
            <th scope="col">Queue</th>
            <th scope="col">Type</th>
            <th scope="col">Reason</th>
            <th scope="col">State</th>
            <th scope="col">Requested</th>
            <th scope="col">Attempts</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {callbacks.map((callback) => {
            const customer = `${callback.customer.firstName} ${callback.customer.lastName}`;
            // A waiting callback has no handling agent: the gateway lets its keeper or a supervisor change it.
            const cancellable = callback.state === 'pending' && (supervisor || callback.assignedAgentId === meId);
            return (
              <tr key={callback.id}>
                <th scope="row">
                  <a href={interactionHref(callback.interactionId)}>{callback.number}</a>
                </th>
                <td>
                  {customer}
                  <span className="cell-secondary">{callback.shortDescription}</span>
                </td>
                <td>{queueNames.get(callback.queueId) ?? callback.queueId}</td>
                <td>
                  {typeText(callback)}
                  {callback.assignedAgentId !== undefined && (
                    <span className="cell-secondary">{callback.assignedAgentId === meId ? 'Kept for you' : `Kept for ${callback.assignedAgentId}`}</span>
                  )}
                </td>
                <td>{callback.reason.label ?? CALLBACK_REASON_LABELS[callback.reason.code]}</td>
                <td>
                  <StateBadge label={CALLBACK_STATE_LABELS[callback.state]} tone={CALLBACK_STATE_TONES[callback.state]} />
                </td>
                <td>{formatDateTime(callback.requestedAt)}</td>
                <td>
                  {callback.attempts} of {callback.retryPolicy.maxAttempts}
                  {callback.nextRetryAt !== undefined && (
                    <span className="cell-secondary">Next automatic retry {formatDateTime(callback.nextRetryAt)}</span>
                  )}
                </td>
                <td>
                  {cancellable && (
                    <button
                      type="button"
                      className={cx(controlsCss.button, controlsCss.buttonSmall, controlsCss.buttonQuiet)}
                      disabled={busy}
                      aria-label={`Cancel callback ${callback.number}`}
                      onClick={() => onCancel(callback)}
                    >
                      Cancel
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
