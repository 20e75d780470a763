import type { Interaction } from '@icc/protocol';
import { useId } from 'react';
import { formatSeconds } from '../ui/format-duration';
import { formatDateTime } from '../ui/format-instant';
import { INTERACTION_OUTCOME_LABELS } from '../ui/interaction-state-labels';
import { WRAP_UP_REASON_LABELS } from './wrap-up-reason-labels';
import cardCss from '../ui/card.module.css';
import factsCss from '../ui/facts.module.css';

/** How a closed interaction ended. */
export function ClosedSummary({ interaction }: { interaction: Interaction }) {
  const headingId = useId();
  return (
    <section className={cardCss.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={cardCss.cardTitle}>
        Outcome
      </h2>
      <dl className={factsCss.facts}>
        <div className={factsCss.factsItem}>
          <dt>Result</dt>
          <dd>{interaction.outcome ? INTERACTION_OUTCOME_LABELS[interaction.outcome] : 'Closed'}</dd>
        </div>
        {interaction.transferredToNumber !== undefined && (
          <div className={factsCss.factsItem}>
            <dt>Transferred to outside number</dt>
            <dd>{interaction.transferredToNumber}</dd>
          </div>
        )}
        {interaction.closedAt !== undefined && (
          <div className={factsCss.factsItem}>
            <dt>Closed</dt>
            <dd>{formatDateTime(interaction.closedAt)}</dd>
          </div>
        )}
        {interaction.wrapUp !== undefined && (
          <div className={factsCss.factsItem}>
            <dt>Wrap-up reason</dt>
            <dd>{WRAP_UP_REASON_LABELS[interaction.wrapUp.reason]}</dd>
          </div>
        )}
        {interaction.wrapUp?.notes ? (
          <div className={factsCss.factsItem}>
            <dt>Wrap-up notes</dt>
            <dd className={factsCss.preserveLines}>{interaction.wrapUp.notes}</dd>
          </div>
        ) : null}
        {interaction.previewDurationMs !== undefined && (
          <div className={factsCss.factsItem}>
            <dt>Preview duration</dt>
            <dd>{formatSeconds(interaction.previewDurationMs / 1000)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
