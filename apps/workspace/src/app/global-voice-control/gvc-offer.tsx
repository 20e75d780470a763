import type { Interaction } from '@icc/protocol';
import { useAllowedControls } from '../interaction/use-allowed-controls';
import { CALL_SHORTCUTS } from '../keyboard/call-shortcuts';
import { CommandStatusMessage } from '../ui/command-status-message';
import { Countdown } from '../ui/countdown';
import { useCommandRunner } from '../ui/use-command-runner';

/** The oldest alerting offer in the bar, so it can be answered from any page without leaving it. */
export function GvcOffer({ offer, more }: { offer: Interaction; more: number }) {
  const controls = useAllowedControls(offer);
  const { run, status, pending } = useCommandRunner();
  const interactionId = offer.id;
  return (
    <div className="gvc__offer" role="group" aria-label="Offer">
      <span className="gvc__offer-text">
        <strong>Offer: {offer.card.customerName}</strong>
        <span className="gvc__number">{offer.card.queueName}</span>
        {more > 0 && <span className="gvc__more">+{more} more</span>}
      </span>
      {offer.offerExpiresAt !== undefined && <Countdown until={offer.offerExpiresAt} label="Expires in" />}
      <div className="button-row">
        <button
          type="button"
          className="button button--small button--primary"
          aria-keyshortcuts={CALL_SHORTCUTS.accept.keys}
          title={`Accept (${CALL_SHORTCUTS.accept.keys})`}
          disabled={!controls.has('accept') || pending}
          onClick={() => void run({ type: 'accept', interactionId }, 'Accept')}
        >
          Accept
        </button>
        <button
          type="button"
          className="button button--small"
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
