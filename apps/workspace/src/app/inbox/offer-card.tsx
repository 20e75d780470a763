import type { Interaction } from '@icc/protocol';
import { callbackTypeLabel } from '../interaction/callback-type-label';
import { useAllowedControls } from '../interaction/use-allowed-controls';
import { navigate } from '../routing/use-hash-route';
import { CommandStatusMessage } from '../ui/command-status-message';
import { Countdown } from '../ui/countdown';
import { useCommandRunner } from '../ui/use-command-runner';
import cardCss from '../ui/card.module.css';
import controlsCss from '../ui/controls.module.css';
import factsCss from '../ui/facts.module.css';
import offersCss from './offers.module.css';
import { cx } from '../ui/cx';

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
    <article className={cx(cardCss.card, offersCss.offerCard)} aria-labelledby={titleId}>
      <header className={offersCss.offerCardHeader}>
        <h2 id={titleId} className={offersCss.offerCardCustomer}>
          {card.customerName}
        </h2>
        <span className={cx(offersCss.tag, customerFirst && offersCss.tagLive)}>
          {customerFirst ? 'Inbound call · customer on the line' : 'Callback'}
        </span>
      </header>
      <dl className={cx(factsCss.facts, factsCss.factsInline)}>
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
      {card.shortDescription !== '' && <p className={offersCss.offerCardSummary}>{card.shortDescription}</p>}
      <footer className={offersCss.offerCardFooter}>
        {interaction.offerExpiresAt !== undefined && (
          <Countdown until={interaction.offerExpiresAt} label="Offer expires in" />
        )}
        <div className={controlsCss.buttonRow}>
          <button
            type="button"
            className={cx(controlsCss.button, controlsCss.buttonPrimary)}
            disabled={!controls.has('accept') || pending}
            onClick={() => void accept()}
          >
            Accept
          </button>
          <button
            type="button"
            className={controlsCss.button}
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
