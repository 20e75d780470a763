import type { Interaction } from '@icc/protocol';
import { useAllowedControls } from '../interaction/use-allowed-controls';
import { CALL_SHORTCUTS } from '../keyboard/call-shortcuts';
import { CommandStatusMessage } from '../ui/command-status-message';
import { Countdown } from '../ui/countdown';
import { useCommandRunner } from '../ui/use-command-runner';
import controlsCss from '../ui/controls.module.css';
import gvcCss from './global-voice-control.module.css';
import { cx } from '../ui/cx';

/** The oldest alerting offer in the bar, so it can be answered from any page without leaving it. */
export function GvcOffer({ offer, more }: { offer: Interaction; more: number }) {
  const controls = useAllowedControls(offer);
  const { run, status, pending } = useCommandRunner();
  const interactionId = offer.id;
  return (
    <div className={gvcCss.gvcOffer} role="group" aria-label="Offer">
      <span className={gvcCss.gvcOfferText}>
        <strong>Offer: {offer.card.customerName}</strong>
        <span className={gvcCss.gvcNumber}>{offer.card.queueName}</span>
        {more > 0 && <span className={gvcCss.gvcMore}>+{more} more</span>}
      </span>
      {offer.offerExpiresAt !== undefined && <Countdown until={offer.offerExpiresAt} label="Expires in" />}
      <div className={controlsCss.buttonRow}>
        <button
          type="button"
          className={cx(controlsCss.button, controlsCss.buttonSmall, controlsCss.buttonPrimary)}
          aria-keyshortcuts={CALL_SHORTCUTS.accept.keys}
          title={`Accept (${CALL_SHORTCUTS.accept.keys})`}
          disabled={!controls.has('accept') || pending}
          onClick={() => void run({ type: 'accept', interactionId }, 'Accept')}
        >
          Accept
        </button>
        <button
          type="button"
          className={cx(controlsCss.button, controlsCss.buttonSmall)}
          disabled={!controls.has('reject') || pending}
          onClick={() => void run({ type: 'reject', interactionId }, 'Reject')}
        >
          Reject
        </button>
      </div>
      <CommandStatusMessage status={status} />
    </div>
  );
}
