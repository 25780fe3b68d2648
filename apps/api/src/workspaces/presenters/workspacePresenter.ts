// Whitelists what a client sees of a workspace and a member, abilities included.
import type { Member, Role, WorkspaceSummary } from '@glossa/contracts';
import { abilitiesOf } from '../../policies/workspace-policy';

export function presentWorkspace(row: { id: string; name: string; role: Role }): WorkspaceSummary {
  return { id: row.id, name: row.name, role: row.role, abilities: abilitiesOf(row.role) };
}

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: Date;
}

export function presentMember(row: MemberRow): Member {
  return { userId: row.user_id, name: row.name, email: row.email, role: row.role, joinedAt: row.created_at.toISOString() };
}
