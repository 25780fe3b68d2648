// After accepting an invite: which of the person's workspaces is the one just joined,
// so the app can open it even if the server kept another one current.
import type { InvitePreview, Me } from '@glossa/contracts';

export function joinedWorkspaceId(before: Me | null | undefined, after: Me, invite: InvitePreview): string | undefined {
  const known = new Set(before?.workspaces.map((workspace) => workspace.id) ?? []);
  const named = after.workspaces.filter((workspace) => workspace.name === invite.workspaceName);
  const fresh = named.filter((workspace) => !known.has(workspace.id));
  if (fresh.length === 1) return fresh[0]!.id;
  // Several candidates (a personal workspace of the same name, say): the invite's role decides.
  const withRole = (fresh.length > 0 ? fresh : named).filter((workspace) => workspace.role === invite.role);
  return withRole.length === 1 ? withRole[0]!.id : undefined;
}
