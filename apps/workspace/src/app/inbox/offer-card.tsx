import type { Interaction } from '@icc/protocol';
import { callbackTypeLabel } from '../interaction/callback-type-label';
import { useAllowedControls } from '../interaction/use-allowed-controls';
import { navigate } from '../routing/use-hash-route';
import { CommandStatusMessage } from '../ui/command-status-message';
import { Countdown } from '../ui/countdown';
import { useCommandRunner } from '../ui/use-command-runner';

/**
 * One alerting offer. Agent-first it is a callback to preview; customer-first it is an ordinary
 * inbound call with the customer already on the line. Accept opens the interaction page.
 */
export function OfferCard({ interaction }: { interaction: Interaction }) {
  const controls = useAllowedControls(interaction);
  const { run, status, pending } = useCommandRunner();
  const { card } = interaction;
  const titleId = `offer-${interaction.id}-title`;
  const customerFirst = interaction.mode === 'customer-first';

  async function accept(): Promise<void> {
    const accepted = await run({ type: 'accept', interactionId: interaction.id }, 'Accept');
    if (accepted) navigate({ page: 'interaction', interactionId: interaction.id });
  }

  return (
    <article className="card offer-card" aria-labelledby={titleId}>
      <header className="offer-card__header">
        <h2 id={titleId} className="offer-card__customer">
          {card.customerName}
        </h2>
        <span className={`tag ${customerFirst ? 'tag--live' : ''}`}>
          {customerFirst ? 'Inbound call · customer on the line' : 'Callback'}
        </span>
      </header>
      <dl className="facts facts--inline">
        <div>
          <dt>Queue</dt>
          <dd>{card.queueName}</dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{callbackTypeLabel(card, true)}</dd>
        </div>
        <div>
          <dt>Reason</dt>
          <dd>{card.reasonLabel}</dd>
        </div>
      </dl>
      {card.shortDescription !== '' && <p className="offer-card__summary">{card.shortDescription}</p>}
      <footer className="offer-card__footer">
        {interaction.offerExpiresAt !== undefined && (
          <Countdown until={interaction.offerExpiresAt} label="Offer expires in" />
        )}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={!controls.has('accept') || pending}
            onClick={() => void accept()}
          >
            Accept
          </button>
          <button
            type="button"
            className="button"
            disabled={!controls.has('reject') || pending}
            onClick={() => void run({ type: 'reject', interactionId: interaction.id }, 'Reject')}
          >
            Reject
          </button>
        </div>
      </footer>
      <CommandStatusMessage status={status} />
    </article>
  );
}
