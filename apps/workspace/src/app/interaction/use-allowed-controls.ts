import type { AgentCommandType, Interaction } from '@icc/protocol';
import { useMemo } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { controlsFor } from './controls-for';

export function useAllowedControls(interaction: Interaction): ReadonlySet<AgentCommandType> {
  const { me, queues, capabilities } = useWorkspaceState();
  return useMemo(
    () => controlsFor(interaction, me.id, queues, capabilities),
    [interaction, me.id, queues, capabilities],
  );
}
