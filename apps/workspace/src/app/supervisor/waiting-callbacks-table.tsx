import { INTERACTION_STATE_TRAITS, type Agent, type Interaction, type QueueConfig } from '@icc/protocol';
import { useId, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { ElapsedTime } from '../ui/elapsed-time';
import { INTERACTION_STATE_LABELS } from '../ui/interaction-state-labels';
import { ModalDialog } from '../ui/modal-dialog';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';
import modalCss from '../ui/modal-dialog.module.css';
import { ReassignDialog } from './reassign-dialog';
import { CallingHoursHold } from './calling-hours-hold';
import { useKeptCallbackLimit } from '../ui/kept-callback-limit';
import { ControlButton } from '../ui/vendor-limits';
import styles from './supervisor.module.css';
import { useKeptCallbacks } from './use-kept-callbacks';

/** Not yet accepted by an agent (an offer still ringing counts): what a supervisor may still cancel or move. */
function isWaiting({ state }: Interaction): boolean {
  const traits = INTERACTION_STATE_TRAITS[state];
  return !traits.acceptedByAgent && !traits.terminal;
}

interface WaitingCallbacksTableProps {
  queues: readonly QueueConfig[];
  interactions: readonly Interaction[];
  agents: readonly Agent[];
}

/** A reschedule needs a start in the future: a scheduled callback keeps its own, a queued one waits these few seconds. */
const REASSIGN_DELAY_MS = 5_000;

function keptStart(interaction: Interaction): string {
  const scheduled = interaction.scheduledAt === undefined ? 0 : Date.parse(interaction.scheduledAt);
  return new Date(Math.max(scheduled, Date.now() + REASSIGN_DELAY_MS)).toISOString();
}

/** Callbacks waiting for an agent, oldest first, each with Cancel, Reschedule and Reassign (the supervisor's REST routes). */
export function WaitingCallbacksTable({ queues, interactions, agents }: WaitingCallbacksTableProps) {
  const session = useSession();
  const id = useId();
  const [confirming, setConfirming] = useState<Interaction | undefined>(undefined);
  const [moving, setMoving] = useState<Interaction | undefined>(undefined);
  const [reassigning, setReassigning] = useState<Interaction | undefined>(undefined);
  const [status, setStatus] = useState<string>('');
  const { kept, refresh } = useKeptCallbacks(interactions);
  const keepLimit = useKeptCallbackLimit();
  const nameOf = (agentId: string) => agents.find((agent) => agent.id === agentId)?.displayName ?? agentId;
  const names = new Map(queues.map((queue) => [queue.id, queue.name]));
  const rows = interactions
    .filter(isWaiting)
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));

  async function cancel(interaction: Interaction): Promise<void> {
    setConfirming(undefined);
    try {
      await session.rest.cancelCallback(interaction.callbackId, { reason: 'Cancelled by a supervisor' });
      setStatus(`Callback ${interaction.card.callbackNumber} cancelled.`);
    } catch (failure) {
      setStatus(`Could not cancel ${interaction.card.callbackNumber}: ${describeError(failure)}`);
    }
  }

  async function reschedule(interaction: Interaction, local: string): Promise<void> {
    setMoving(undefined);
    try {
      await session.rest.rescheduleCallback(interaction.callbackId, { start: new Date(local).toISOString() });
      setStatus(`Callback ${interaction.card.callbackNumber} rescheduled.`);
    } catch (failure) {
      setStatus(`Could not reschedule ${interaction.card.callbackNumber}: ${describeError(failure)}`);
    }
  }

  /** `null` releases the callback to its queue. */
  async function keepFor(interaction: Interaction, agentId: string | null): Promise<void> {
    setReassigning(undefined);
    try {
      await session.rest.rescheduleCallback(interaction.callbackId, { start: keptStart(interaction), assignedAgentId: agentId });
      setStatus(agentId === null ? `Callback ${interaction.card.callbackNumber} released to the queue.` : `Callback ${interaction.card.callbackNumber} kept for ${nameOf(agentId)}.`);
    } catch (failure) {
      setStatus(`Could not reassign ${interaction.card.callbackNumber}: ${describeError(failure)}`);
    }
    refresh();
  }

  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Callbacks waiting for an agent</caption>
          <thead>
            <tr>
              <th scope="col">Callback</th>
              <th scope="col">Queue</th>
              <th scope="col">State</th>
              <th scope="col">Waiting</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={5}>No callback is waiting.</td>
              </tr>
            )}
            {rows.map((interaction) => (
              <tr key={interaction.id}>
                <th scope="row">
                  {interaction.card.customerName} <span className={styles.muted}>{interaction.card.callbackNumber}</span>
                </th>
                <td>{names.get(interaction.queueId) ?? interaction.queueId}</td>
                <td>
                  {INTERACTION_STATE_LABELS[interaction.state]}
                  {kept.has(interaction.callbackId) && <span className="cell-secondary">Kept for {nameOf(kept.get(interaction.callbackId) ?? '')}</span>}
                  <CallingHoursHold interaction={interaction} queues={queues} />
                </td>
                <td>
                  <ElapsedTime since={interaction.requestedAt} label={`Waiting since the request`} />
                </td>
                <td>
                  <div className={styles.actions}>
                    <button type="button" className={cx(controlsCss.button, controlsCss.buttonSmall)} onClick={() => setMoving(interaction)}>
                      Reschedule
                    </button>
                    <ControlButton
                      className={cx(controlsCss.button, controlsCss.buttonSmall)}
                      limit={keepLimit}
                      onClick={() => setReassigning(interaction)}
                    >
                      Reassign
                    </ControlButton>
                    {kept.has(interaction.callbackId) && (
                      <button type="button" className={cx(controlsCss.button, controlsCss.buttonSmall)} onClick={() => void keepFor(interaction, null)}>
                        Release to queue
                      </button>
                    )}
                    <button type="button" className={cx(controlsCss.button, controlsCss.buttonSmall, controlsCss.buttonDanger)} onClick={() => setConfirming(interaction)}>
                      Cancel
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {keepLimit && (
        <p id={keepLimit.id} className={styles.muted}>
          <strong>Reassign:</strong> {keepLimit.reason}
        </p>
      )}
      <p role="status" className={styles.muted}>
        {status}
      </p>
      {confirming && (
        <ModalDialog titleId={`${id}-cancel-title`} descriptionId={`${id}-cancel-description`} onDismiss={() => setConfirming(undefined)}>
          <h2 id={`${id}-cancel-title`} className={modalCss.modalTitle}>
            Cancel callback {confirming.card.callbackNumber}
          </h2>
          <p id={`${id}-cancel-description`} className={modalCss.modalDescription}>
            {confirming.card.customerName} will not be called back and the request is recorded as cancelled by a supervisor.
          </p>
          <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
            <button type="button" className={controlsCss.button} onClick={() => setConfirming(undefined)}>
              Keep callback
            </button>
            <button type="button" className={cx(controlsCss.button, controlsCss.buttonDanger)} onClick={() => void cancel(confirming)}>
              Cancel callback
            </button>
          </div>
        </ModalDialog>
      )}
      {reassigning && (
        <ReassignDialog
          interaction={reassigning}
          agents={agents}
          keptFor={kept.get(reassigning.callbackId)}
          onDismiss={() => setReassigning(undefined)}
          onConfirm={(agentId) => void keepFor(reassigning, agentId)}
        />
      )}
      {moving && <RescheduleDialog interaction={moving} onDismiss={() => setMoving(undefined)} onConfirm={(local) => void reschedule(moving, local)} />}
    </>
  );
}

function RescheduleDialog({ interaction, onDismiss, onConfirm }: { interaction: Interaction; onDismiss(): void; onConfirm(local: string): void }) {
  const id = useId();
  const [local, setLocal] = useState('');
  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`} onDismiss={onDismiss}>
      <h2 id={`${id}-title`} className={modalCss.modalTitle}>
        Reschedule callback {interaction.card.callbackNumber}
      </h2>
      <p id={`${id}-description`} className={modalCss.modalDescription}>
        {interaction.card.customerName} is called back from the new time on, by whoever of the queue is free (your time zone).
      </p>
      <label htmlFor={`${id}-start`}>New start</label>
      <input id={`${id}-start`} type="datetime-local" value={local} onChange={(event) => setLocal(event.target.value)} />
      <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
        <button type="button" className={controlsCss.button} onClick={onDismiss}>
          Keep as is
        </button>
        <button type="button" className={cx(controlsCss.button, controlsCss.buttonPrimary)} disabled={local === ''} onClick={() => onConfirm(local)}>
          Reschedule
        </button>
      </div>
    </ModalDialog>
  );
}
