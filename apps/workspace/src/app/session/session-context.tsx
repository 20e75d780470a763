import { createContext, useContext, type ReactNode } from 'react';
import type { WorkspaceSession } from './workspace-session';

const SessionContext = createContext<WorkspaceSession | undefined>(undefined);

export function SessionProvider({ session, children }: { session: WorkspaceSession; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): WorkspaceSession {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
