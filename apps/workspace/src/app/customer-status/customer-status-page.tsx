import type { CustomerCallbackStatus } from "@icc/protocol";
import { useCallback, useEffect, useState } from "react";

const inYourTime = (iso: string) =>
  new Intl.DateTimeFormat(undefined, {
    dateStyle: "full",
    timeStyle: "short",
    timeZoneName: "short",
  }).format(new Date(iso));

function waitText(seconds: number | null): string {
  if (seconds === null) return "Not known yet";
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `About ${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The customer's own page for one callback: no sign-in, the link's token instead. */
export function CustomerStatusPage({
  callbackId,
  token,
}: {
  callbackId: string;
  token: string;
}) {
  const [status, setStatus] = useState<CustomerCallbackStatus>();
  const [error, setError] = useState<string>();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [newTime, setNewTime] = useState("");
  const base = `/v1/callbacks/${encodeURIComponent(callbackId)}/status`;
  const query = `?token=${encodeURIComponent(token)}`;

  const send = useCallback(
    async (path: string, init?: RequestInit) => {
      const response = await fetch(`${base}${path}${query}`, {
        ...init,
        referrerPolicy: "no-referrer",
      });
      const body = (await response.json()) as CustomerCallbackStatus & {
        message?: string;
      };
      if (!response.ok) {
        setError(
          response.status === 404
            ? "This link does not match a callback."
            : (body.message ?? "Something went wrong."),
        );
        return;
      }
      setError(undefined);
      setStatus(body);
    },
    [base, query],
  );

  useEffect(() => {
    void send("");
  }, [send]);

  const post = (path: string, body: unknown) =>
    send(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  return (
    <main
      style={{
        maxWidth: "36rem",
        margin: "2rem auto",
        padding: "0 1rem",
        fontFamily: "system-ui, sans-serif",
        lineHeight: 1.5,
      }}
    >
      <h1>Your callback</h1>
      {error !== undefined && <p role="alert">{error}</p>}
      {status === undefined && error === undefined && <p>Loading…</p>}
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
                <dd>{inYourTime(status.scheduledAt)}</dd>
              </>
            )}
          </dl>
          {status.changeable && (
            <section aria-labelledby="change-heading">
              <h2 id="change-heading">Change your callback</h2>
              {confirmingCancel ? (
                <div role="group" aria-labelledby="confirm-cancel">
                  <p id="confirm-cancel">
                    Cancel this callback? We will not call you.
                  </p>
                  <button
                    type="button"
                    onClick={() =>
                      void post("/cancel", {}).then(() =>
                        setConfirmingCancel(false),
                      )
                    }
                  >
                    Yes, cancel it
                  </button>{" "}
                  <button
                    type="button"
                    onClick={() => setConfirmingCancel(false)}
                  >
                    No, keep it
                  </button>
                </div>
              ) : (
                <button type="button" onClick={() => setConfirmingCancel(true)}>
                  Cancel callback
                </button>
              )}
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  if (newTime)
                    void post("/move", {
                      start: new Date(newTime).toISOString(),
                    });
                }}
              >
                <p>
                  <label htmlFor="new-time">
                    Move to another time (your time zone)
                  </label>
                  <br />
                  <input
                    id="new-time"
                    type="datetime-local"
                    required
                    value={newTime}
                    onChange={(event) => setNewTime(event.target.value)}
                  />{" "}
                  <button type="submit">Move to this time</button>
                </p>
              </form>
            </section>
          )}
        </>
      )}
    </main>
  );
}
