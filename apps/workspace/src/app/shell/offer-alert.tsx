import { useEffect, useMemo, useRef } from 'react';
import { playAlertTone } from '../inbox/play-alert-tone';
import { callbackTypeLabel } from '../interaction/callback-type-label';
import { selectOffers } from '../interaction/select-interactions';
import { routeHref } from '../routing/route';
import { useWorkspaceState } from '../session/use-workspace-state';
import { notifyIfHidden } from './browser-notification';
import bannersCss from './banners.module.css';
import controlsCss from '../ui/controls.module.css';
import { cx } from '../ui/cx';

const BASE_TITLE = 'ICC Callbacks — Agent workspace';

/**
 * Visible, audible and announced alert for offers, on every page: a chime for each offer not
 * seen before, the newest offer in an assertive live region, and the count in the tab title.
 */
export function OfferAlert({ onInbox }: { onInbox: boolean }) {
  const { me, interactions } = useWorkspaceState();
  const offers = useMemo(() => selectOffers(interactions, me.id), [interactions, me.id]);
  const alerted = useRef<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const fresh = offers.some((offer) => !alerted.current.has(offer.id));
    alerted.current = new Set(offers.map((offer) => offer.id));
    if (!fresh) return;
    playAlertTone();
    const newest = offers[offers.length - 1];
    if (newest) notifyIfHidden(`Callback offer: ${newest.card.customerName}`, `${newest.card.queueName} · ${callbackTypeLabel(newest.card)}`);
  }, [offers]);

  useEffect(() => {
    document.title = offers.length > 0 ? `(${offers.length}) Offer waiting · ${BASE_TITLE}` : BASE_TITLE;
  }, [offers.length]);

  const newest = offers[offers.length - 1];
  return (
    <div aria-live="assertive" aria-atomic="true">
      {newest !== undefined && (
        <div className={bannersCss.offerAlert} data-offer-alert>
          <span className={bannersCss.offerAlertIcon} aria-hidden="true">
            ●
          </span>
          <p className={bannersCss.offerAlertText}>
            {offers.length === 1 ? 'New callback offer: ' : `${offers.length} offers waiting. Newest: `}
            <strong>{newest.card.customerName}</strong> · {newest.card.queueName} · {callbackTypeLabel(newest.card)}
          </p>
          {!onInbox && (
            <a className={cx(controlsCss.button, controlsCss.buttonSmall)} href={routeHref({ page: 'inbox' })}>
              Go to Inbox
            </a>
          )}
        </div>
      )}
    </div>
  );
}
