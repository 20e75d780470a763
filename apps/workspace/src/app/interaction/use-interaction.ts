import type { Interaction } from '@icc/protocol';
import { useEffect, useState } from 'react';
import { describeError } from '../session/describe-error';
import { useSession } from '../session/session-context';
import { useWorkspaceState } from '../session/use-workspace-state';

export type InteractionLookup =
  | { kind: 'found'; interaction: Interaction }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string };

/**
 * The live view from the store; an interaction the stream does not carry (an old one opened from
 * My callbacks) is read once over REST. Mount once per id.
 */
export function useInteraction(interactionId: string): InteractionLookup {
  const session = useSession();
  const { interactions } = useWorkspaceState();
  const live = interactions.find((interaction) => interaction.id === interactionId);
  const [fetched, setFetched] = useState<InteractionLookup>({ kind: 'loading' });
  const needsFetch = live === undefined;

  useEffect(() => {
    if (!needsFetch) return;
    let current = true;
    session.rest.getInteraction(interactionId).then(
      (interaction) => current && setFetched({ kind: 'found', interaction }),
      (error: unknown) => current && setFetched({ kind: 'failed', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [session, interactionId, needsFetch]);

  return live ? { kind: 'found', interaction: live } : fetched;
}
