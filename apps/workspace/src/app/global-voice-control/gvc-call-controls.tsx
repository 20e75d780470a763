import type { Interaction } from '@icc/protocol';
import { useAllowedControls } from '../interaction/use-allowed-controls';
import { CALL_SHORTCUTS } from '../keyboard/call-shortcuts';
import { CommandStatusMessage } from '../ui/command-status-message';
import { useCommandRunner } from '../ui/use-command-runner';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';
import { ControlButton, useVendorLimits } from '../ui/vendor-limits';

const VENDOR_LIMITED = [['hold', 'Hold']] as const;

/**
 * Hold/Resume and End call of the current call, so the agent can put the customer on hold or
 * hang up from any page, not only from the interaction page.
 */
export function GvcCallControls({ interaction }: { interaction: Interaction }) {
  const controls = useAllowedControls(interaction);
  const { run, status, pending } = useCommandRunner();
  const { limitOf, notes } = useVendorLimits(VENDOR_LIMITED);
  const interactionId = interaction.id;
  const onHold = interaction.state === 'on-hold';
  const holdCommand = onHold ? 'resume' : 'hold';
  const holdLabel = onHold ? 'Resume' : 'Hold';

  return (
    <div>
      <div role="group" aria-label="Call controls" className={controlsCss.buttonRow}>
        <ControlButton
          className={cx(controlsCss.button, controlsCss.buttonSmall)}
          limit={limitOf('hold')}
          aria-keyshortcuts={CALL_SHORTCUTS.hold.keys}
          title={`${holdLabel} (${CALL_SHORTCUTS.hold.keys})`}
          disabled={!controls.has(holdCommand) || pending}
          onClick={() => void run({ type: holdCommand, interactionId }, holdLabel)}
        >
          {holdLabel}
        </ControlButton>
        <button
          type="button"
          className={cx(controlsCss.button, controlsCss.buttonSmall, controlsCss.buttonDanger)}
          aria-keyshortcuts={CALL_SHORTCUTS.end.keys}
          title={`End call (${CALL_SHORTCUTS.end.keys})`}
          disabled={!controls.has('end-call') || pending}
          onClick={() => void run({ type: 'end-call', interactionId }, 'End call')}
        >
          End call
        </button>
      </div>
      {notes}
      <CommandStatusMessage status={status} />
    </div>
  );
}
