import { useMemo } from 'react';
import { CallbackActions } from '../interaction/callback-actions';
import { selectActiveInteractions, stateStartedAt } from '../interaction/select-interactions';
import { interactionHref } from '../routing/route';
import { useWorkspaceState } from '../session/use-workspace-state';
import { ElapsedTime } from '../ui/elapsed-time';
import { INTERACTION_STATE_LABELS, INTERACTION_STATE_TONES } from '../ui/interaction-state-labels';
import { StateBadge } from '../ui/state-badge';

/**
 * Always on screen: the agent's most urgent interaction with its state, a timer, the callback
 * actions except transfer, and the Open interaction link.
 */
export function GlobalVoiceControl() {
  const { me, interactions } = useWorkspaceState();
  const active = useMemo(() => selectActiveInteractions(interactions, me.id), [interactions, me.id]);
  const current = active[0];

  return (
    <section className="gvc" aria-label="Global Voice Control">
      {current === undefined ? (
        <p className="gvc__idle">No active callback</p>
      ) : (
        <>
          <div className="gvc__summary">
            <StateBadge label={INTERACTION_STATE_LABELS[current.state]} tone={INTERACTION_STATE_TONES[current.state]} />
            <span className="gvc__customer">
              <strong>{current.card.customerName}</strong>
              <span className="gvc__number">{current.card.callbackNumber}</span>
            </span>
            <GvcTimer since={stateStartedAt(current)} />
            <a className="button button--small" href={interactionHref(current.id)}>
              Open interaction
            </a>
            {active.length > 1 && <span className="gvc__more">+{active.length - 1} more in Inbox</span>}
          </div>
          {current.mode === 'agent-first' && (
            <div className="gvc__actions">
              <CallbackActions key={current.id} interaction={current} variant="global-voice-control" />
            </div>
          )}
        </>
      )}
    </section>
  );
}

function GvcTimer({ since }: { since: string | undefined }) {
  if (since === undefined) return null;
  return (
    <span className="gvc__timer">
      <ElapsedTime since={since} label="Call timer" />
    </span>
  );
}
