// Whitelists what a client sees of an invite; the token only ever appears in the creation response.
import { INVITE_PATH_PREFIX, type CreatedInvite, type InvitePreview, type InviteSummary, type Role } from '@glossa/contracts';

export interface InviteRow {
  id: string;
  role: Role;
  expires_at: Date;
  created_at: Date;
  created_by: string;
  created_by_name: string;
}

export function presentInvite(row: InviteRow): InviteSummary {
  return {
    id: row.id,
    role: row.role,
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    createdBy: { id: row.created_by, name: row.created_by_name },
  };
}

export function presentCreatedInvite(row: { id: string; role: Role; expires_at: Date }, token: string): CreatedInvite {
  return { id: row.id, role: row.role, expiresAt: row.expires_at.toISOString(), token, url: `${INVITE_PATH_PREFIX}${token}` };
}

export function presentInvitePreview(row: { workspace_name: string; role: Role; expires_at: Date }): InvitePreview {
  return { workspaceName: row.workspace_name, role: row.role, expiresAt: row.expires_at.toISOString() };
}
