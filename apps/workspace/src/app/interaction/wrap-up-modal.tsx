import type { Interaction, WrapUpReason } from '@icc/protocol';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CommandStatusMessage } from '../ui/command-status-message';
import { Countdown } from '../ui/countdown';
import { ElapsedTime } from '../ui/elapsed-time';
import { ModalDialog } from '../ui/modal-dialog';
import { useCommandRunner } from '../ui/use-command-runner';
import { useAllowedControls } from './use-allowed-controls';
import { clearWrapUpDraft, readWrapUpDraft, saveWrapUpDraft } from './wrap-up-draft';
import { WRAP_UP_REASONS, WRAP_UP_REASON_LABELS } from './wrap-up-reason-labels';
import { followUpCallbackRequest } from './follow-up-callback';
import { FollowUpFields, type FollowUpChoice } from './follow-up-fields';
import { localInputToInstant, rescheduleProblem } from './reschedule-form';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { describeError } from '../session/describe-error';
import { ControlButton, useVendorLimits } from '../ui/vendor-limits';
import bannersCss from '../shell/banners.module.css';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import modalCss from '../ui/modal-dialog.module.css';
import { cx } from '../ui/cx';

const NOTES_LIMIT = 4000;
/** One press of Extend: the gateway moves the automatic close this much later (at most 30 minutes ahead). */
const EXTENSION_SECONDS = 120;
const VENDOR_LIMITED = [['extend-wrap-up', 'Extend after-call work']] as const;

/**
 * Reason and notes after the call, then Submit & close; in auto mode it closes itself at `autoCloseAt`.
 * Opened by the shell on whatever page the agent is; the draft survives a reload.
 */
export function WrapUpModal({ interaction }: { interaction: Interaction }) {
  const controls = useAllowedControls(interaction);
  const { limitOf, notes: vendorNotes } = useVendorLimits(VENDOR_LIMITED);
  const session = useSession();
  const { me } = useWorkspaceState();
  const { run, status, pending } = useCommandRunner();
  const [followUp, setFollowUp] = useState<FollowUpChoice>({ wanted: false, start: '' });
  const [followUpProblem, setFollowUpProblem] = useState<string | undefined>(undefined);
  const [followUpFailure, setFollowUpFailure] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const [initialDraft] = useState(() => readWrapUpDraft(interaction.id));
  const [reason, setReason] = useState<WrapUpReason | ''>(initialDraft.reason);
  const [notes, setNotes] = useState(initialDraft.notes);

  useEffect(() => saveWrapUpDraft(interaction.id, { reason, notes }), [interaction.id, reason, notes]);
  const [submitted, setSubmitted] = useState(false);
  const reasonRef = useRef<HTMLSelectElement>(null);
  const id = useId();
  const reasonError = submitted && reason === '' ? 'Choose a reason before you submit.' : undefined;

  /** The promised call back, created before the wrap-up closes the interaction; false when it could not be. */
  async function createFollowUp(): Promise<boolean> {
    if (!followUp.wanted) return true;
    const start = localInputToInstant(followUp.start);
    const problem = rescheduleProblem(start, undefined, Date.now());
    setFollowUpProblem(problem);
    if (problem !== undefined || start === undefined) return false;
    setCreating(true);
    try {
      const previous = await session.rest.getCallback(interaction.callbackId);
      await session.rest.createCallback(followUpCallbackRequest(previous, start, me.id));
      setFollowUpFailure(undefined);
      return true;
    } catch (error) {
      setFollowUpFailure(describeError(error));
      return false;
    } finally {
      setCreating(false);
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSubmitted(true);
    if (reason === '') {
      reasonRef.current?.focus();
      return;
    }
    if (!(await createFollowUp())) return;
    setFollowUp({ wanted: false, start: '' });
    void run(
      { type: 'submit-wrap-up', interactionId: interaction.id, wrapUp: { reason, notes: notes.trim() } },
      'Submit & close',
    ).then((closed) => closed && clearWrapUpDraft(interaction.id));
  }

  return (
    <ModalDialog titleId={`${id}-title`} descriptionId={`${id}-description`}>
      <form noValidate onSubmit={(event) => void submit(event)} className={modalCss.wrapUp}>
        <h2 id={`${id}-title`} className={modalCss.modalTitle}>
          Wrap up: {interaction.card.customerName}
        </h2>
        <p id={`${id}-description`} className={modalCss.modalDescription}>
          {interaction.card.callbackNumber} · {interaction.card.queueName}. Record how the callback ended, then Submit
          &amp; close.
        </p>
        {interaction.endedAt !== undefined && (
          <p className={interactionCss.wrapUpTimer}>
            After-call work <ElapsedTime since={interaction.endedAt} label="After-call work" />
          </p>
        )}
        {interaction.autoCloseAt !== undefined && (
          <div className={controlsCss.buttonRow}>
            <Countdown until={interaction.autoCloseAt} label="Closes automatically in" />
            <ControlButton
              className={cx(controlsCss.button, controlsCss.buttonSmall)}
              limit={limitOf('extend-wrap-up')}
              disabled={!controls.has('extend-wrap-up') || pending}
              onClick={() => void run({ type: 'extend-wrap-up', interactionId: interaction.id, seconds: EXTENSION_SECONDS }, 'Extend after-call work')}
            >
              Extend by 2 minutes
            </ControlButton>
          </div>
        )}
        {interaction.autoCloseAt !== undefined && vendorNotes}
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select
            ref={reasonRef}
            id={`${id}-reason`}
            value={reason}
            required
            aria-invalid={reasonError !== undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            onChange={(event) => setReason(event.target.value as WrapUpReason | '')}
          >
            <option value="">Choose a reason</option>
            {WRAP_UP_REASONS.map((code) => (
              <option key={code} value={code}>
                {WRAP_UP_REASON_LABELS[code]}
              </option>
            ))}
          </select>
          {reasonError && (
            <p id={`${id}-reason-error`} className={controlsCss.fieldError}>
              {reasonError}
            </p>
          )}
        </div>
        <div className={controlsCss.field}>
          <label htmlFor={`${id}-notes`}>Notes</label>
          <textarea
            id={`${id}-notes`}
            rows={5}
            maxLength={NOTES_LIMIT}
            value={notes}
            aria-describedby={`${id}-notes-count`}
            onChange={(event) => setNotes(event.target.value)}
          />
          <p id={`${id}-notes-count`} className={controlsCss.fieldHint}>
            {notes.length} of {NOTES_LIMIT} characters
          </p>
        </div>
        <FollowUpFields value={followUp} problem={followUpProblem} onChange={setFollowUp} />
        {followUpFailure && (
          <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
            Could not create the call back: {followUpFailure}
          </p>
        )}
        <div className={cx(controlsCss.buttonRow, controlsCss.buttonRowEnd)}>
          <button
            type="submit"
            className={cx(controlsCss.button, controlsCss.buttonPrimary)}
            disabled={!controls.has('submit-wrap-up') || pending || creating}
          >
            Submit &amp; close
          </button>
        </div>
        <CommandStatusMessage status={status} />
      </form>
    </ModalDialog>
  );
}
