import { useMemo } from 'react';
import { selectActiveInteractions, selectOffers } from '../interaction/select-interactions';
import { interactionHref } from '../routing/route';
import { useWorkspaceState } from '../session/use-workspace-state';
import { INTERACTION_STATE_LABELS, INTERACTION_STATE_TONES } from '../ui/interaction-state-labels';
import { PageHeading } from '../ui/page-heading';
import { StateBadge } from '../ui/state-badge';
import { OfferCard } from './offer-card';
import offersCss from './offers.module.css';

/** Offers alerting for this agent, and the interactions already in their hands. */
export function InboxPage() {
  const { me, interactions } = useWorkspaceState();
  const offers = useMemo(() => selectOffers(interactions, me.id), [interactions, me.id]);
  const active = useMemo(() => selectActiveInteractions(interactions, me.id), [interactions, me.id]);

  return (
    <div className="page">
      <PageHeading>Inbox</PageHeading>
      <section aria-labelledby="offers-heading" className="section">
        <h2 id="offers-heading" className="section__title">
          Offers <span className={offersCss.count}>{offers.length}</span>
        </h2>
        {offers.length === 0 ? (
          <p className="empty">
            {me.presence === 'available'
              ? 'No offers right now. New callbacks appear here with a chime.'
              : 'You are not Available, so no callbacks are offered to you. Change your presence to receive offers.'}
          </p>
        ) : (
          <ul className={offersCss.offerList}>
            {offers.map((offer) => (
              <li key={offer.id}>
                <OfferCard interaction={offer} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {active.length > 0 && (
        <section aria-labelledby="active-heading" className="section">
          <h2 id="active-heading" className="section__title">
            In progress
          </h2>
          <ul className={offersCss.linkList}>
            {active.map((interaction) => (
              <li key={interaction.id}>
                <a href={interactionHref(interaction.id)} className={offersCss.linkListItem}>
                  <span className={offersCss.linkListPrimary}>{interaction.card.customerName}</span>
                  <span className={offersCss.linkListSecondary}>
                    {interaction.card.callbackNumber} · {interaction.card.queueName}
                  </span>
                  <StateBadge
                    label={INTERACTION_STATE_LABELS[interaction.state]}
                    tone={INTERACTION_STATE_TONES[interaction.state]}
                  />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
