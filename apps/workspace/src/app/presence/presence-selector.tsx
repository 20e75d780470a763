import type { SelectablePresence } from '@icc/protocol';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PRESENCE_LABELS, SELECTABLE_PRESENCES } from './presence-labels';
import { askNotificationPermission } from '../shell/browser-notification';
import { WorkPresenceBadge } from './work-presence-badge';
import presenceCss from './presence.module.css';

const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

function isSelectable(presence: string): presence is SelectablePresence {
  return (SELECTABLE_PRESENCES as readonly string[]).includes(presence);
}

/**
 * The presence the agent chooses (Available / Away / Offline) beside the state everybody sees
 * (Busy and After-call work follow the work). Picking with the mouse commits at once; arrowing
 * through the options only moves the pick, Enter commits it, leaving the field drops it.
 */
export function PresenceSelector() {
  const session = useSession();
  const { me } = useWorkspaceState();
  const [requested, setRequested] = useState<SelectablePresence | undefined>(undefined);
  const [draft, setDraft] = useState<SelectablePresence | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const browsing = useRef(false);
  const id = useId();
  // During work the server keeps the agent's choice for when it ends: that is what the field shows.
  const chosen = me.chosenPresence ?? me.presence;
  const shown = draft ?? requested ?? chosen;

  async function choose(presence: SelectablePresence): Promise<void> {
    setDraft(undefined);
    if (presence === chosen || requested !== undefined) return;
    setRequested(presence);
    setError(undefined);
    // Going Available is the moment offers may start; ask once for notifications of a hidden tab.
    if (presence === 'available') askNotificationPermission();
    try {
      await session.rest.setPresence(me.id, presence);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setRequested(undefined);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLSelectElement>): void {
    if (BROWSING_KEYS.has(event.key)) browsing.current = true;
    if (event.key === 'Enter' && draft !== undefined) {
      event.preventDefault();
      browsing.current = false;
      void choose(draft);
    }
    if (event.key === 'Escape') setDraft(undefined);
  }

  return (
    <div className={presenceCss.presence}>
      <WorkPresenceBadge agent={me} labelledAs="Presence state" />
      <label htmlFor={`${id}-presence`} className={presenceCss.presenceLabel}>
        Presence
      </label>
      <select
        id={`${id}-presence`}
        value={shown}
        aria-busy={requested !== undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onKeyDown={onKeyDown}
        onMouseDown={() => {
          browsing.current = false;
        }}
        onBlur={() => {
          browsing.current = false;
          setDraft(undefined);
        }}
        onChange={(event) => {
          const value = event.target.value;
          if (!isSelectable(value)) return;
          if (browsing.current) setDraft(value);
          else void choose(value);
        }}
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
      <span id={`${id}-hint`} className={draft !== undefined ? presenceCss.presenceHint : 'visually-hidden'}>
        {draft !== undefined ? `Enter sets ${PRESENCE_LABELS[draft]}` : 'Arrow keys pick, Enter confirms'}
      </span>
      {error && (
        <p id={`${id}-error`} role="alert" className={presenceCss.presenceError}>
          {error}
        </p>
      )}
    </div>
  );
}
