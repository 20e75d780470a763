import { isInteractionEvent, type Interaction, type InteractionEvent } from '@icc/protocol';
import { useEffect, useId, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { formatDateTime } from '../ui/format-instant';
import { describeTimelineEvent } from './describe-timeline-event';
import bannersCss from '../shell/banners.module.css';
import cardCss from '../ui/card.module.css';
import timelineCss from './timeline.module.css';
import { cx } from '../ui/cx';

type Loaded = { kind: 'loading' } | { kind: 'loaded'; events: InteractionEvent[] } | { kind: 'failed'; message: string };

/** Every attempt, who, when and the outcome: the callback's events across its transfers, read again as the interaction moves. */
export function CallbackTimeline({ interaction }: { interaction: Interaction }) {
  const session = useSession();
  const { agents } = useWorkspaceState();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const headingId = useId();

  useEffect(() => {
    let current = true;
    session.rest.listCallbackEvents(interaction.callbackId).then(
      (events) => current && setLoaded({ kind: 'loaded', events: events.filter(isInteractionEvent) }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [session, interaction.callbackId, interaction.seq]);

  const name = (agentId: string) => agents.find((agent) => agent.id === agentId)?.displayName ?? agentId;
  return (
    <section className={cardCss.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={cardCss.cardTitle}>
        Timeline
      </h2>
      {loaded.kind === 'loading' && <p>Loading the timeline…</p>}
      {loaded.kind === 'failed' && <p className={cx(bannersCss.notice, bannersCss.noticeDanger)}>Could not load the timeline: {loaded.message}</p>}
      {loaded.kind === 'loaded' && (
        <ol className={timelineCss.timeline} aria-label="Callback events, oldest first">
          {loaded.events.map((event) => {
            const { who, what } = describeTimelineEvent(event, name);
            return (
              <li key={event.seq} className={timelineCss.timelineEntry}>
                <time dateTime={event.at} className={timelineCss.timelineTime}>
                  {formatDateTime(event.at)}
                </time>
                <span>{what}</span>
                <span className={timelineCss.timelineWho}>{who}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
