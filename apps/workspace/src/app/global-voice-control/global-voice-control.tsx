import { INTERACTION_STATE_TRAITS, type Interaction } from '@icc/protocol';
import { useMemo } from 'react';
import { CallbackActions } from '../interaction/callback-actions';
import { useCallbackNumberStatus } from '../interaction/callback-number-selection';
import { selectActiveInteractions, selectOffers, stateStartedAt } from '../interaction/select-interactions';
import { ShortcutHint } from '../keyboard/shortcut-hint';
import { interactionHref } from '../routing/route';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ElapsedTime } from '../ui/elapsed-time';
import { INTERACTION_STATE_LABELS, INTERACTION_STATE_TONES } from '../ui/interaction-state-labels';
import { StateBadge } from '../ui/state-badge';
import { GvcCallControls } from './gvc-call-controls';
import { GvcOffer } from './gvc-offer';
import controlsCss from '../ui/controls.module.css';
import gvcCss from './global-voice-control.module.css';
import { cx } from '../ui/cx';

/** The same states in which the interaction page shows its live-call controls. */
function hasLiveCall(interaction: Interaction): boolean {
  return (
    INTERACTION_STATE_TRAITS[interaction.state].liveCall ||
    (interaction.mode === 'agent-first' && interaction.state === 'dialing')
  );
}

/** Where a callback action (Call number, Retry call, Close callback) can apply; elsewhere they would all be greyed out. */
function offersCallbackActions(interaction: Interaction): boolean {
  return interaction.mode === 'agent-first' && (interaction.state === 'previewing' || interaction.state === 'no-answer');
}

/**
 * Always on screen: the agent's most urgent interaction with its state, a timer, hold/resume and
 * end of a live call, the callback actions except transfer, and the Open interaction link.
 */
export function GlobalVoiceControl() {
  const { me, interactions } = useWorkspaceState();
  const active = useMemo(() => selectActiveInteractions(interactions, me.id), [interactions, me.id]);
  const current = active[0];
  const offers = useMemo(() => selectOffers(interactions, me.id), [interactions, me.id]);
  const offer = offers[0];

  return (
    <section className={gvcCss.gvc} aria-label="Global Voice Control">
      {offer !== undefined && <GvcOffer key={offer.id} offer={offer} more={offers.length - 1} />}
      {current === undefined ? (
        offer === undefined && <p className={gvcCss.gvcIdle}>No active callback</p>
      ) : (
        <>
          <div className={gvcCss.gvcSummary} data-gvc-summary>
            <StateBadge label={INTERACTION_STATE_LABELS[current.state]} tone={INTERACTION_STATE_TONES[current.state]} />
            <span className={gvcCss.gvcCustomer}>
              <strong>{current.card.customerName}</strong>
              <GvcNumber interaction={current} />
            </span>
            <GvcTimer since={stateStartedAt(current)} />
            <a className={cx(controlsCss.button, controlsCss.buttonSmall)} href={interactionHref(current.id)}>
              Open interaction
            </a>
            {active.length > 1 && <span className={gvcCss.gvcMore}>+{active.length - 1} more in Inbox</span>}
          </div>
          {hasLiveCall(current) && <GvcCallControls key={current.id} interaction={current} />}
          {offersCallbackActions(current) && (
            <div className={gvcCss.gvcActions}>
              <CallbackActions key={current.id} interaction={current} variant="global-voice-control" />
            </div>
          )}
        </>
      )}
      <ShortcutHint />
    </section>
  );
}

function GvcNumber({ interaction }: { interaction: Interaction }) {
  return <span className={gvcCss.gvcNumber}>{useCallbackNumberStatus(interaction)}</span>;
}

function GvcTimer({ since }: { since: string | undefined }) {
  if (since === undefined) return null;
  return (
    <span className={gvcCss.gvcTimer}>
      <ElapsedTime since={since} label="Call timer" />
    </span>
  );
}
