import type { Interaction } from '@icc/protocol';
import { useId, type ReactNode } from 'react';
import { ElapsedTime } from '../ui/elapsed-time';
import { formatDuration } from '../ui/format-duration';
import { formatBothClocks, formatDateTime } from '../ui/format-instant';
import { callbackTypeLabel } from './callback-type-label';
import { CustomerLocalTime } from './customer-local-time';
import { queueCallingHours } from './calling-hours';
import { useWorkspaceState } from '../session/use-workspace-state';
import cardCss from '../ui/card.module.css';
import factsCss from '../ui/facts.module.css';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className={factsCss.factsItem}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * Waiting ends when the customer is connected (or the interaction closes without a call). A
 * scheduled callback is only overdue from its scheduled start, so its wait counts from there.
 */
function WaitSoFar({ interaction }: { interaction: Interaction }) {
  const waitStart = interaction.scheduledAt ?? interaction.requestedAt;
  const waitEnd = interaction.connectedAt ?? interaction.closedAt;
  if (waitEnd !== undefined) {
    return <>{formatDuration(Math.max(0, Date.parse(waitEnd) - Date.parse(waitStart)))} (ended)</>;
  }
  if (Date.parse(waitStart) > Date.now()) return <>Not due yet</>;
  return <ElapsedTime since={waitStart} label="Wait so far" />;
}

/** Everything the agent needs before dialing: the interaction's context card. */
export function CallbackContextCard({ interaction }: { interaction: Interaction }) {
  const { card } = interaction;
  const { queues } = useWorkspaceState();
  const headingId = useId();
  return (
    <section className={cardCss.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={cardCss.cardTitle}>
        {interaction.mode === 'customer-first' ? 'Caller details' : 'Callback details'}
      </h2>
      <dl className={factsCss.facts}>
        <Fact term="Customer">{card.customerName}</Fact>
        <Fact term="Callback">{card.callbackNumber}</Fact>
        <Fact term="Phone numbers">
          <ul className={factsCss.plainList}>
            {card.phoneNumbers.map((number) => (
              <li key={number}>{number}</li>
            ))}
          </ul>
        </Fact>
        <Fact term="Queue">{card.queueName}</Fact>
        <Fact term="Type">{callbackTypeLabel(card)}</Fact>
        <Fact term="Reason">{card.reasonLabel}</Fact>
        {card.shortDescription !== '' && <Fact term="Summary">{card.shortDescription}</Fact>}
        {card.description !== undefined && <Fact term="Description">{card.description}</Fact>}
        {card.notes !== undefined && <Fact term="Notes">{card.notes}</Fact>}
        {card.caseRef !== undefined && <Fact term="Case">{card.caseRef}</Fact>}
        {card.accountRef !== undefined && <Fact term="Account">{card.accountRef}</Fact>}
        {card.ivrPath.length > 0 && (
          <Fact term="IVR path">
            <ol className={factsCss.breadcrumbList}>
              {card.ivrPath.map((step, index) => (
                <li key={`${index}-${step}`}>{step}</li>
              ))}
            </ol>
          </Fact>
        )}
        <Fact term="Requested">{formatDateTime(card.requestedAt)}</Fact>
        {card.scheduledAt !== undefined && (
          <Fact term="Scheduled for">{formatBothClocks(card.scheduledAt, card.customerTimeZone)}</Fact>
        )}
        <Fact term="Attempts">
          {card.attempt === 0 ? `None yet (up to ${card.maxAttempts})` : `Attempt ${card.attempt} of ${card.maxAttempts}`}
        </Fact>
        {interaction.nextRetryAt !== undefined && <Fact term="Next automatic retry">{formatDateTime(interaction.nextRetryAt)}</Fact>}
        <Fact term={interaction.scheduledAt !== undefined ? 'Wait since scheduled start' : 'Wait so far'}>
          <WaitSoFar interaction={interaction} />
        </Fact>
        <Fact term="Customer's local time">
          <CustomerLocalTime timeZone={card.customerTimeZone} hours={queueCallingHours(queues, interaction.queueId)} />
        </Fact>
        {Object.entries(card.attributes).map(([name, value]) => (
          <Fact key={name} term={name}>
            {value}
          </Fact>
        ))}
      </dl>
    </section>
  );
}
