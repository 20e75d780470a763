import type { SelectablePresence } from '@icc/protocol';
import { useId, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PRESENCE_LABELS, SELECTABLE_PRESENCES } from './presence-labels';

function isSelectable(presence: string): presence is SelectablePresence {
  return (SELECTABLE_PRESENCES as readonly string[]).includes(presence);
}

/** Available / Away / Offline; during a call the system's Busy or Wrap-up is shown instead. */
export function PresenceSelector() {
  const session = useSession();
  const { me } = useWorkspaceState();
  const [requested, setRequested] = useState<SelectablePresence | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();
  const shown = requested ?? me.presence;

  async function choose(presence: SelectablePresence): Promise<void> {
    setRequested(presence);
    setError(undefined);
    try {
      await session.rest.setPresence(me.id, presence);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setRequested(undefined);
    }
  }

  return (
    <div className="presence">
      <span className={`presence__dot presence__dot--${me.presence}`} aria-hidden="true" />
      <label htmlFor={`${id}-presence`} className="presence__label">
        Presence
      </label>
      <select
        id={`${id}-presence`}
        value={shown}
        disabled={requested !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => isSelectable(event.target.value) && void choose(event.target.value)}
      >
        {!isSelectable(shown) && (
          <option value={shown} disabled>
            {PRESENCE_LABELS[shown]}
          </option>
        )}
        {SELECTABLE_PRESENCES.map((presence) => (
          <option key={presence} value={presence}>
            {PRESENCE_LABELS[presence]}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} role="alert" className="presence__error">
          {error}
        </p>
      )}
    </div>
  );
}
