import { useSyncExternalStore } from 'react';
import { useSession } from './session-context';
import type { ConnectionStatus, WorkspaceState } from './workspace-session';

export function useWorkspaceState(): WorkspaceState {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getState);
}

export function useConnectionStatus(): ConnectionStatus {
  const session = useSession();
  return useSyncExternalStore(session.subscribeConnection, session.getConnectionStatus);
}
