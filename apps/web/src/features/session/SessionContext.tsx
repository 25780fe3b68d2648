// The signed-in person for every page behind the sign-in gate, and the workspace they
// are working in. Pages read abilities from here; they never derive them from roles.
import type { Me, WorkspaceSummary } from '@glossa/contracts';
import { createContext, useContext, type ReactNode } from 'react';

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in person; only valid below the sign-in gate. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() used outside the sign-in gate');
  return me;
}

/** The workspace the person last chose, or their first (the server's rule); undefined with none. */
export function currentWorkspace(me: Me): WorkspaceSummary | undefined {
  return me.workspaces.find((workspace) => workspace.id === me.currentWorkspaceId) ?? me.workspaces[0];
}

export function useCurrentWorkspace(): WorkspaceSummary | undefined {
  return currentWorkspace(useSession());
}
