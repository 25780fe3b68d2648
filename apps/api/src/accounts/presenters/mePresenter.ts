// Whitelists what the signed-in person sees of their own account: never the hash, never sessions.
import type { Me, WorkspaceSummary } from '@glossa/contracts';

export function presentMe(user: { id: string; email: string; name: string }, workspaces: WorkspaceSummary[], currentWorkspaceId: string | null): Me {
  return { user: { id: user.id, email: user.email, name: user.name }, workspaces, currentWorkspaceId };
}
