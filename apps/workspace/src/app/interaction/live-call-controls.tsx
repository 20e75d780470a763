import { CALL_SHORTCUTS } from '../keyboard/call-shortcuts';
import type { AgentCommand, AgentCommandType, Interaction } from '@icc/protocol';
import { useId } from 'react';
import { CommandStatusMessage } from '../ui/command-status-message';
import { useCommandRunner } from '../ui/use-command-runner';
import { CallTransferControls } from './call-transfer-controls';
import { DialPad } from './dial-pad';
import { useAllowedControls } from './use-allowed-controls';
import { ControlButton, useVendorLimits } from '../ui/vendor-limits';
import cardCss from '../ui/card.module.css';
import controlsCss from '../ui/controls.module.css';
import interactionCss from './interaction.module.css';
import { cx } from '../ui/cx';

/** Controls a vendor may not support, with the names the agent sees. */
const VENDOR_LIMITED = [
  ['mute', 'Mute'],
  ['hold', 'Hold'],
  ['record-start', 'Recording'],
  ['escalate', 'Escalate'],
  ['send-dtmf', 'Dial pad'],
  ['transfer-call', 'Transfer call'],
  ['consult-call', 'Consult'],
] as const;

/** Controls of the live call; each is enabled exactly when the state machine allows its command. */
export function LiveCallControls({ interaction }: { interaction: Interaction }) {
  const controls = useAllowedControls(interaction);
  const { run, status, pending } = useCommandRunner();
  const headingId = useId();
  const { call } = interaction;
  const interactionId = interaction.id;
  const onHold = interaction.state === 'on-hold';
  const callLive = onHold || interaction.state === 'connected';
  const can = (type: AgentCommandType) => controls.has(type) && !pending;
  const send = (command: AgentCommand, label: string) => void run(command, label);
  const { limitOf, notes } = useVendorLimits(VENDOR_LIMITED);

  return (
    <section className={cardCss.card} aria-labelledby={headingId}>
      <div className={cardCss.cardHeader}>
        <h2 id={headingId} className={cardCss.cardTitle}>
          Call controls
        </h2>
        <ul className={interactionCss.callFlags} aria-label="Call status">
          {onHold && <li className={cx(interactionCss.flag, interactionCss.flagAttention)}>On hold</li>}
          {call.muted && <li className={cx(interactionCss.flag, interactionCss.flagAttention)}>Muted</li>}
          {call.recording && <li className={cx(interactionCss.flag, interactionCss.flagDanger)}>Recording</li>}
          {call.escalated && <li className={cx(interactionCss.flag, interactionCss.flagDanger)}>Escalated</li>}
        </ul>
      </div>
      <div role="group" aria-label="Call controls" className={controlsCss.buttonRow}>
        <ControlButton
          className={controlsCss.button}
          limit={limitOf('mute')}
          disabled={!can(call.muted ? 'unmute' : 'mute')}
          onClick={() => send({ type: call.muted ? 'unmute' : 'mute', interactionId }, call.muted ? 'Unmute' : 'Mute')}
        >
          {call.muted ? 'Unmute' : 'Mute'}
        </ControlButton>
        <ControlButton
          className={controlsCss.button}
          limit={limitOf('hold')}
          aria-keyshortcuts={CALL_SHORTCUTS.hold.keys}
          title={`${onHold ? 'Resume' : 'Hold'} (${CALL_SHORTCUTS.hold.keys})`}
          disabled={!can(onHold ? 'resume' : 'hold')}
          onClick={() => send({ type: onHold ? 'resume' : 'hold', interactionId }, onHold ? 'Resume' : 'Hold')}
        >
          {onHold ? 'Resume' : 'Hold'}
        </ControlButton>
        <ControlButton
          className={controlsCss.button}
          limit={limitOf('record-start')}
          disabled={!can(call.recording ? 'record-stop' : 'record-start')}
          onClick={() =>
            send(
              { type: call.recording ? 'record-stop' : 'record-start', interactionId },
              call.recording ? 'Stop recording' : 'Start recording',
            )
          }
        >
          {call.recording ? 'Stop recording' : 'Start recording'}
        </ControlButton>
        <ControlButton
          className={controlsCss.button}
          limit={limitOf('escalate')}
          aria-pressed={call.escalated}
          disabled={!can('escalate')}
          onClick={() => send({ type: 'escalate', interactionId, escalated: !call.escalated }, 'Escalate')}
        >
          Escalate
        </ControlButton>
        <button
          type="button"
          className={cx(controlsCss.button, controlsCss.buttonDanger)}
          data-next-focus
          aria-keyshortcuts={CALL_SHORTCUTS.end.keys}
          title={`End call (${CALL_SHORTCUTS.end.keys})`}
          disabled={!can('end-call')}
          onClick={() => send({ type: 'end-call', interactionId }, 'End call')}
        >
          End call
        </button>
      </div>
      {notes}
      {callLive && (
        <>
          <DialPad
            disabled={!can('send-dtmf')}
            onKey={(digits) => send({ type: 'send-dtmf', interactionId, digits }, `Dial pad ${digits}`)}
          />
          <CallTransferControls interaction={interaction} controls={controls} pending={pending} send={send} limitOf={limitOf} />
        </>
      )}
      <CommandStatusMessage status={status} />
    </section>
  );
}
