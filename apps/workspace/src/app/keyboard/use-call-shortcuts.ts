import { INTERACTION_STATE_TRAITS } from '@icc/protocol';
import { useEffect, useRef } from 'react';
import { selectActiveInteractions, selectOffers } from '../interaction/select-interactions';
import { navigate } from '../routing/use-hash-route';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';
import { shortcutOf } from './call-shortcuts';

/**
 * Alt+Shift+A accepts the oldest offer, Alt+Shift+H holds or resumes and Alt+Shift+E ends the
 * current call, from any page. A command the state does not allow is refused by the gateway and
 * ignored here, as a disabled button would be.
 */
export function useCallShortcuts(): void {
  const session = useSession();
  const { me, interactions } = useWorkspaceState();
  const latest = useRef({ me, interactions });
  latest.current = { me, interactions };

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const shortcut = shortcutOf(event);
      if (shortcut === undefined) return;
      const { me: agent, interactions: all } = latest.current;
      event.preventDefault();
      if (shortcut === 'accept') {
        const offer = selectOffers(all, agent.id)[0];
        // As the Inbox's Accept: the interaction page opens for the preview.
        if (offer) {
          void session.sendCommand({ type: 'accept', interactionId: offer.id }).then(
            () => navigate({ page: 'interaction', interactionId: offer.id }),
            () => undefined,
          );
        }
        return;
      }
      const call = selectActiveInteractions(all, agent.id).find(
        (interaction) => INTERACTION_STATE_TRAITS[interaction.state].liveCall || interaction.state === 'dialing',
      );
      if (!call) return;
      const type = shortcut === 'end' ? 'end-call' : call.state === 'on-hold' ? 'resume' : 'hold';
      void session.sendCommand({ type, interactionId: call.id }).catch(() => undefined);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [session]);
}
