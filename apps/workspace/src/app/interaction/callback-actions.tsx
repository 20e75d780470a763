import type { Interaction, TransferTarget } from '@icc/protocol';
import { useId, useState } from 'react';
import { CommandStatusMessage } from '../ui/command-status-message';
import { Countdown } from '../ui/countdown';
import { useCommandRunner } from '../ui/use-command-runner';
import { useCallbackNumber } from './callback-number-selection';
import { CloseCallbackDialog } from './close-callback-dialog';
import { RescheduleForm } from './reschedule-form';
import { TransferCallbackForm } from './transfer-callback-form';
import { useAllowedControls } from './use-allowed-controls';
import { useWorkspaceState } from '../session/use-workspace-state';
import { CallingHoursWarning, useOutsideCallingHours } from './customer-local-time';
import { queueCallingHours } from './calling-hours';
import { ControlButton, useVendorLimits } from '../ui/vendor-limits';
import badgesCss from '../ui/badges.module.css';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import { cx } from '../ui/cx';

/** Callback actions a vendor may not support, with the names the agent sees. */
const VENDOR_LIMITED = [
  ['redial', 'Retry call'],
  ['transfer-callback', 'Transfer callback'],
  ['reschedule', 'Reschedule'],
] as const;

interface CallbackActionsProps {
  interaction: Interaction;
  /**
   * `page`: every callback action. `global-voice-control`: all but the ones that open a form here
   * (Transfer callback, as in the reference product, and Reschedule).
   */
  variant?: 'page' | 'global-voice-control';
}

/**
 * The reference product's callback actions: Callback number drop-down, Call number (with the
 * auto-dial countdown), Retry call, Close callback and Transfer callback. Each button is enabled
 * exactly when the state machine allows its command.
 */
export function CallbackActions({ interaction, variant = 'page' }: CallbackActionsProps) {
  const showForms = variant === 'page';
  const controls = useAllowedControls(interaction);
  const { me, queues } = useWorkspaceState();
  const callingHours = queueCallingHours(queues, interaction.queueId);
  const { run, status, pending } = useCommandRunner();
  const [selectedNumber, setChosenNumber] = useCallbackNumber(interaction);
  const [openForm, setOpenForm] = useState<'transfer' | 'reschedule' | 'close' | undefined>(undefined);
  const id = useId();
  const interactionId = interaction.id;
  const numbers = interaction.card.phoneNumbers;
  const canDial = controls.has('dial') && !pending;
  const canRedial = controls.has('redial') && !pending;
  const autoDialAt = interaction.state === 'previewing' ? interaction.autoDialAt : undefined;
  const { limitOf, notes } = useVendorLimits(showForms ? VENDOR_LIMITED : VENDOR_LIMITED.slice(0, 1));
  const warnCallingHours = useOutsideCallingHours(interaction.card.customerTimeZone, callingHours) && (canDial || canRedial);

  const transferOpen = openForm === 'transfer' && controls.has('transfer-callback');
  const rescheduleOpen = openForm === 'reschedule' && controls.has('reschedule');

  function transfer(target: TransferTarget): void {
    setOpenForm(undefined);
    void run({ type: 'transfer-callback', interactionId, target }, 'Transfer callback');
  }

  function close(reasonLabel: string, notes: string): void {
    setOpenForm(undefined);
    void run(
      { type: 'close-callback', interactionId, reason: { code: 'custom', label: reasonLabel }, ...(notes ? { notes } : {}) },
      'Close callback',
    );
  }

  function reschedule(start: string, windowEnd: string | undefined, keepForMe: boolean): void {
    setOpenForm(undefined);
    const keeper = keepForMe ? { assignedAgentId: me.id } : {};
    void run({ type: 'reschedule', interactionId, start, ...(windowEnd ? { windowEnd } : {}), ...keeper }, 'Reschedule');
  }

  return (
    <div
      className={cx(interactionCss.callbackActions, !showForms && interactionCss.callbackActionsCompact)}
      role="group"
      aria-label="Callback actions"
    >
      {warnCallingHours && <CallingHoursWarning id={`${id}-calling-hours`} timeZone={interaction.card.customerTimeZone} hours={callingHours} />}
      <div className={interactionCss.callbackActionsRow}>
        <div className={cx(controlsCss.field, controlsCss.fieldInline)}>
          <label htmlFor={`${id}-number`}>Callback number</label>
          <select
            id={`${id}-number`}
            value={selectedNumber}
            disabled={!canDial && !canRedial}
            onChange={(event) => setChosenNumber(event.target.value)}
          >
            {numbers.map((number) => (
              <option key={number} value={number}>
                {number}
              </option>
            ))}
          </select>
        </div>
        <div className={controlsCss.buttonRow}>
          <button
            type="button"
            className={cx(controlsCss.button, controlsCss.buttonPrimary)}
            disabled={!canDial || selectedNumber === undefined}
            aria-describedby={[autoDialAt ? `${id}-auto-dial` : '', warnCallingHours ? `${id}-calling-hours` : ''].join(' ').trim() || undefined}
            onClick={() =>
              selectedNumber !== undefined &&
              void run({ type: 'dial', interactionId, phoneNumber: selectedNumber }, `Call number ${selectedNumber}`)
            }
          >
            Call number
          </button>
          <ControlButton
            className={controlsCss.button}
            limit={limitOf('redial')}
            disabled={!canRedial}
            aria-describedby={warnCallingHours ? `${id}-calling-hours` : undefined}
            onClick={() => void run({ type: 'redial', interactionId, phoneNumber: selectedNumber }, 'Retry call')}
          >
            Retry call
          </ControlButton>
          <button
            type="button"
            className={controlsCss.button}
            disabled={!controls.has('close-callback') || pending}
            aria-haspopup="dialog"
            onClick={() => setOpenForm('close')}
          >
            Close callback
          </button>
          {showForms && (
            <>
              <ControlButton
                className={controlsCss.button}
                limit={limitOf('transfer-callback')}
                aria-expanded={transferOpen}
                disabled={!controls.has('transfer-callback') || pending}
                onClick={() => setOpenForm(transferOpen ? undefined : 'transfer')}
              >
                Transfer callback
              </ControlButton>
              <ControlButton
                className={controlsCss.button}
                limit={limitOf('reschedule')}
                aria-expanded={rescheduleOpen}
                disabled={!controls.has('reschedule') || pending}
                onClick={() => setOpenForm(rescheduleOpen ? undefined : 'reschedule')}
              >
                Reschedule
              </ControlButton>
            </>
          )}
        </div>
      </div>
      {notes}
      {openForm === 'close' && controls.has('close-callback') && (
        <CloseCallbackDialog
          interaction={interaction}
          disabled={pending}
          onClose={close}
          onDismiss={() => setOpenForm(undefined)}
        />
      )}
      {autoDialAt !== undefined && (
        <Countdown id={`${id}-auto-dial`} until={autoDialAt} label="Auto-dial in" className={cx(badgesCss.countdown, badgesCss.countdownAutoDial)} />
      )}
      {showForms && transferOpen && (
        <TransferCallbackForm
          interaction={interaction}
          disabled={pending}
          onTransfer={transfer}
          onCancel={() => setOpenForm(undefined)}
        />
      )}
      {showForms && rescheduleOpen && (
        <RescheduleForm disabled={pending} queueId={interaction.queueId} onReschedule={reschedule} onCancel={() => setOpenForm(undefined)} />
      )}
      {showForms && interaction.state === 'transferring' && (
        <div className={interactionCss.transferProgress}>
          <p role="status" className={interactionCss.transferProgressText}>
            <span className={interactionCss.spinner} aria-hidden="true" />
            Transferring callback, please wait...
          </p>
          <button
            type="button"
            className={controlsCss.button}
            disabled={!controls.has('cancel-transfer') || pending}
            onClick={() => void run({ type: 'cancel-transfer', interactionId }, 'Cancel callback transfer')}
          >
            Cancel callback transfer
          </button>
        </div>
      )}
      <CommandStatusMessage status={status} />
    </div>
  );
}
