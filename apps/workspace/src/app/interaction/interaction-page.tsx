import { INTERACTION_STATE_TRAITS, type Interaction, type InteractionState } from '@icc/protocol';
import { useId } from 'react';
import { OfferCard } from '../inbox/offer-card';
import { useWorkspaceState } from '../session/use-workspace-state';
import { INTERACTION_STATE_LABELS, INTERACTION_STATE_TONES } from '../ui/interaction-state-labels';
import { PageHeading } from '../ui/page-heading';
import { StateBadge } from '../ui/state-badge';
import { CallAttempts } from './call-attempts';
import { CallbackActions } from './callback-actions';
import { CallbackContextCard } from './callback-context-card';
import { CallbackTimeline } from '../timeline/callback-timeline';
import { PreviousCallbacks } from '../timeline/previous-callbacks';
import { ClosedSummary } from './closed-summary';
import { LiveCallControls } from './live-call-controls';
import { useInteraction } from './use-interaction';
import bannersCss from '../shell/banners.module.css';
import cardCss from '../ui/card.module.css';
import interactionCss from './interaction.module.css';
import shellCss from '../shell/workspace-shell.module.css';
import { cx } from '../ui/cx';

/** In the agent's hands before a call is up: previewing, transferring, dialing, no-answer. */
function showsCallbackActions(state: InteractionState): boolean {
  const traits = INTERACTION_STATE_TRAITS[state];
  return traits.acceptedByAgent && !traits.liveCall && state !== 'wrap-up';
}

function InteractionView({ interaction }: { interaction: Interaction }) {
  const { me } = useWorkspaceState();
  const actionsHeadingId = useId();
  const agentFirst = interaction.mode === 'agent-first';
  const mine = interaction.agentId === me.id;
  const showCallbackActions = agentFirst && showsCallbackActions(interaction.state);
  const showLiveControls =
    INTERACTION_STATE_TRAITS[interaction.state].liveCall || (agentFirst && interaction.state === 'dialing');

  return (
    <div className="page">
      <header className={shellCss.pageHeader}>
        <PageHeading>{interaction.card.customerName}</PageHeading>
        <p className={shellCss.pageMeta}>
          <span>{interaction.card.callbackNumber}</span>
          <span>{interaction.card.queueName}</span>
          <span>{agentFirst ? 'Callback' : 'Inbound call'}</span>
          <StateBadge
            label={INTERACTION_STATE_LABELS[interaction.state]}
            tone={INTERACTION_STATE_TONES[interaction.state]}
          />
        </p>
      </header>
      <div className={interactionCss.interactionLayout}>
        <div className={interactionCss.interactionLayoutMain}>
          {interaction.state === 'offered' && mine && <OfferCard interaction={interaction} />}
          {showCallbackActions && (
            <section className={cardCss.card} aria-labelledby={actionsHeadingId}>
              <h2 id={actionsHeadingId} className={cardCss.cardTitle}>
                Callback actions
              </h2>
              <CallbackActions interaction={interaction} />
            </section>
          )}
          {showLiveControls && <LiveCallControls interaction={interaction} />}
          {interaction.state === 'closed' && <ClosedSummary interaction={interaction} />}
          <CallAttempts attempts={interaction.attempts} />
          <CallbackTimeline interaction={interaction} />
        </div>
        <div className={interactionCss.interactionLayoutSide}>
          <CallbackContextCard interaction={interaction} />
          <PreviousCallbacks interaction={interaction} />
        </div>
      </div>
    </div>
  );
}

/** The callback interaction page (`#/interactions/:id`). */
export function InteractionPage({ interactionId }: { interactionId: string }) {
  const lookup = useInteraction(interactionId);
  if (lookup.kind === 'found') return <InteractionView interaction={lookup.interaction} />;
  return (
    <div className="page">
      <PageHeading>Interaction</PageHeading>
      {lookup.kind === 'loading' ? (
        <p role="status">Loading the interaction…</p>
      ) : (
        <p role="alert" className={cx(bannersCss.notice, bannersCss.noticeDanger)}>
          Could not open this interaction: {lookup.message}
        </p>
      )}
    </div>
  );
}
