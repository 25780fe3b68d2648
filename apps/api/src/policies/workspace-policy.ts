// Who may do what in a workspace: the role → abilities matrix and the rules for granting,
// changing and removing roles. The one place permissions are decided; anything unlisted is no.
import { ACTIONS, Action, type Abilities, type Role } from '@glossa/contracts';

/** The role that can do everything, and that every workspace keeps at least one of. */
export const OWNER_ROLE: Role = 'owner';

const VIEWER: readonly Action[] = [Action.ReadDocuments];
const ANALYST: readonly Action[] = [...VIEWER, Action.ImportDocuments, Action.Annotate];
const REVIEWER: readonly Action[] = [...ANALYST, Action.Review];
const ADMIN: readonly Action[] = [...REVIEWER, Action.ManageMembers];
const OWNER: readonly Action[] = [...ADMIN, Action.ManageWorkspace];

/** docs/PERMISSIONS.md shows this table; tests/api/permissions-cases.ts checks it cell by cell. */
const ALLOWED: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(OWNER),
  admin: new Set(ADMIN),
  reviewer: new Set(REVIEWER),
  analyst: new Set(ANALYST),
  viewer: new Set(VIEWER),
};

/** A non-member (role null) may do nothing; neither may a role this build does not know. */
export function can(role: Role | null, action: Action): boolean {
  return role !== null && (ALLOWED[role]?.has(action) ?? false);
}

export function abilitiesOf(role: Role): Abilities {
  return Object.fromEntries(ACTIONS.map((action) => [action, can(role, action)])) as Abilities;
}

/** A refusal the caller turns into an error: `forbidden` (role too weak) or `conflict` (state forbids it). */
export type Decision = { allowed: true } | { allowed: false; reason: 'forbidden' | 'conflict'; message: string };

const ALLOWED_DECISION: Decision = { allowed: true };
const forbidden = (message: string): Decision => ({ allowed: false, reason: 'forbidden', message });
const conflict = (message: string): Decision => ({ allowed: false, reason: 'conflict', message });

/** Admins manage and grant roles up to admin; only owners touch or make owners. */
function mayHandle(actorRole: Role, role: Role): boolean {
  return can(actorRole, Action.ManageMembers) && (role !== OWNER_ROLE || actorRole === OWNER_ROLE);
}

export interface MemberRef {
  userId: string;
  role: Role;
}

export function decideInvite(actorRole: Role, role: Role): Decision {
  if (!can(actorRole, Action.ManageMembers)) return forbidden('Your role cannot invite people');
  if (!mayHandle(actorRole, role)) return forbidden('Only owners can invite owners');
  return ALLOWED_DECISION;
}

export function decideInviteRevocation(actorRole: Role, inviteRole: Role): Decision {
  if (!can(actorRole, Action.ManageMembers)) return forbidden('Your role cannot manage invites');
  if (!mayHandle(actorRole, inviteRole)) return forbidden('Only owners can revoke an owner invite');
  return ALLOWED_DECISION;
}

export function decideRoleChange(actor: MemberRef, target: MemberRef, newRole: Role, ownerCount: number): Decision {
  if (!can(actor.role, Action.ManageMembers)) return forbidden('Your role cannot change roles');
  // Self-promotion is the classic escalation; self-demotion is refused too so the rule has no exception.
  if (actor.userId === target.userId) return forbidden('Nobody can change their own role');
  if (!mayHandle(actor.role, target.role) || !mayHandle(actor.role, newRole)) return forbidden('Only owners can make or change owners');
  if (target.role === OWNER_ROLE && newRole !== OWNER_ROLE && ownerCount <= 1) return conflict('A workspace needs at least one owner');
  return ALLOWED_DECISION;
}

export function decideRemoval(actor: MemberRef, target: MemberRef, ownerCount: number): Decision {
  const leaving = actor.userId === target.userId;
  if (!leaving) {
    if (!can(actor.role, Action.ManageMembers)) return forbidden('Your role cannot remove members');
    if (!mayHandle(actor.role, target.role)) return forbidden('Only owners can remove owners');
  }
  if (target.role === OWNER_ROLE && ownerCount <= 1) return conflict('The last owner cannot leave or be removed');
  return ALLOWED_DECISION;
}
