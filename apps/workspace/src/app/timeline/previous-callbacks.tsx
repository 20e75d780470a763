import type { Callback, Interaction } from '@icc/protocol';
import { useEffect, useId, useState } from 'react';
import { CALLBACK_STATE_LABELS } from '../callbacks/callback-state-labels';
import { interactionHref } from '../routing/route';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { formatDateTime } from '../ui/format-instant';
import bannersCss from '../shell/banners.module.css';
import cardCss from '../ui/card.module.css';
import factsCss from '../ui/facts.module.css';
import { cx } from '../ui/cx';

type Loaded = { kind: 'loading' } | { kind: 'loaded'; callbacks: Callback[] } | { kind: 'failed'; message: string };

/**
 * Earlier callbacks of the same customer (matched on their first phone number), as far as the
 * agent may see them: their own for an agent, every one for a supervisor.
 */
export function PreviousCallbacks({ interaction }: { interaction: Interaction }) {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const headingId = useId();
  const phoneNumber = interaction.card.phoneNumbers[0] ?? '';

  useEffect(() => {
    let current = true;
    session.rest.listCallbacks({ search: phoneNumber, limit: 20 }).then(
      (page) =>
        current && setLoaded({ kind: 'loaded', callbacks: page.items.filter((callback) => callback.id !== interaction.callbackId) }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [session, phoneNumber, interaction.callbackId]);

  return (
    <section className={cardCss.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={cardCss.cardTitle}>
        Previous callbacks of this customer
      </h2>
      {loaded.kind === 'loading' && <p>Loading…</p>}
      {loaded.kind === 'failed' && <p className={cx(bannersCss.notice, bannersCss.noticeDanger)}>Could not load them: {loaded.message}</p>}
      {loaded.kind === 'loaded' && loaded.callbacks.length === 0 && <p>None that you can see.</p>}
      {loaded.kind === 'loaded' && loaded.callbacks.length > 0 && (
        <ul className={factsCss.plainList}>
          {loaded.callbacks.map((callback) => (
            <li key={callback.id}>
              <a href={interactionHref(callback.interactionId)}>{callback.number}</a> · {formatDateTime(callback.requestedAt)} ·{' '}
              {CALLBACK_STATE_LABELS[callback.state]} · {callback.shortDescription}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
