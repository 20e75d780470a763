import type { CustomerCallbackStatus } from '@icc/protocol';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createCustomerStatusApi } from './customer-status-api';
import { CustomerCancel } from './customer-cancel';
import { CustomerMove } from './customer-move';
import { customerTime } from './customer-time';
import { refusalText } from './refusal-text';

function waitText(seconds: number | null): string {
  if (seconds === null) return 'Not known yet';
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `About ${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The customer's own page for one callback: no sign-in, the link's token instead. */
export function CustomerStatusPage({ callbackId, token }: { callbackId: string; token: string }) {
  const api = useMemo(() => createCustomerStatusApi(callbackId, token), [callbackId, token]);
  const [status, setStatus] = useState<CustomerCallbackStatus>();
  const [error, setError] = useState<string>();
  // A new object per change, so that the same words said twice still take the focus.
  const [notice, setNotice] = useState<{ text: string }>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let current = true;
    api.status().then(
      (loaded) => current && setStatus(loaded),
      (refused: unknown) => current && setError(refusalText(refused)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  // After a change the focus goes to what it did (the buttons that did it are gone or moved).
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const changed = (next: CustomerCallbackStatus, message: string) => {
    setStatus(next);
    setNotice({ text: message });
  };

  return (
    <main style={{ maxWidth: '36rem', margin: '2rem auto', padding: '0 1rem', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5 }}>
      <h1>Your callback</h1>
      {error !== undefined && <p role="alert">{error}</p>}
      {status === undefined && error === undefined && <p>Loading…</p>}
      {notice && (
        <p ref={noticeRef} role="status" tabIndex={-1}>
          {notice.text}
        </p>
      )}
      {status !== undefined && (
        <>
          <dl aria-label="Callback status">
            <dt>Reference</dt>
            <dd>{status.number}</dd>
            <dt>Status</dt>
            <dd>{status.stateText}</dd>
            {status.position !== null && (
              <>
                <dt>Place in line</dt>
                <dd>{status.position}</dd>
                <dt>Estimated wait</dt>
                <dd>{waitText(status.estimatedWaitSeconds)}</dd>
              </>
            )}
            {status.scheduledAt !== null && (
              <>
                <dt>We will call you</dt>
                <dd>{customerTime(status.scheduledAt, status.timeZone)}</dd>
              </>
            )}
          </dl>
          {status.changeable && (
            <section aria-labelledby="change-heading">
              <h2 id="change-heading">Change your callback</h2>
              <h3>Move it</h3>
              <CustomerMove api={api} timeZone={status.timeZone} onChanged={changed} />
              <h3>Cancel it</h3>
              <CustomerCancel api={api} onChanged={changed} />
            </section>
          )}
        </>
      )}
    </main>
  );
}
