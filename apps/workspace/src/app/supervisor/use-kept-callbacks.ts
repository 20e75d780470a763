import type { Interaction } from '@icc/protocol';
import { useEffect, useState } from 'react';
import { useSession } from '../session/session-context';

/**
 * Who each waiting callback is kept for (callbackId → agentId): the interactions on the stream do not
 * carry the callback's `assignedAgentId`, the upcoming view does. Asked again whenever the waiting list changes.
 */
export function useKeptCallbacks(interactions: readonly Interaction[]): { kept: ReadonlyMap<string, string>; refresh(): void } {
  const session = useSession();
  const [kept, setKept] = useState<ReadonlyMap<string, string>>(new Map());
  const [asked, setAsked] = useState(0);
  const version = interactions.map((interaction) => `${interaction.id}:${interaction.state}:${interaction.scheduledAt ?? ''}`).join('|');
  useEffect(() => {
    let live = true;
    session.rest.listCallbacks({ view: 'upcoming', limit: 200 }).then(
      (page) => {
        if (!live) return;
        setKept(new Map(page.items.flatMap((callback) => (callback.assignedAgentId === undefined ? [] : [[callback.id, callback.assignedAgentId] as const]))));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, version, asked]);
  return { kept, refresh: () => setAsked((count) => count + 1) };
}
