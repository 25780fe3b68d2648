// The permission matrix of docs/PERMISSIONS.md as data: abilities per role, and the HTTP status
// each actor gets for each workspace action. permissions.test.ts checks every cell.
import type { Abilities, Role } from '@glossa/contracts';

export const ACTORS = ['owner', 'admin', 'reviewer', 'analyst', 'viewer', 'nonMember', 'anonymous'] as const;
export type MatrixActor = (typeof ACTORS)[number];

const Y = true;
const N = false;

/** Abilities returned with each workspace (GET /api/me, GET /api/workspaces). */
export const ROLE_ABILITIES: Record<Role, Abilities> = {
  owner: { readDocuments: Y, importDocuments: Y, annotate: Y, review: Y, manageMembers: Y, manageWorkspace: Y },
  admin: { readDocuments: Y, importDocuments: Y, annotate: Y, review: Y, manageMembers: Y, manageWorkspace: N },
  reviewer: { readDocuments: Y, importDocuments: Y, annotate: Y, review: Y, manageMembers: N, manageWorkspace: N },
  analyst: { readDocuments: Y, importDocuments: Y, annotate: Y, review: N, manageMembers: N, manageWorkspace: N },
  viewer: { readDocuments: Y, importDocuments: N, annotate: N, review: N, manageMembers: N, manageWorkspace: N },
};

/** Names of the actions permissions.test.ts knows how to perform against the matrix workspace. */
export type MatrixAction =
  | 'listDocuments'
  | 'readDocument'
  | 'readDocumentText'
  | 'importDocument'
  | 'listMembers'
  | 'inviteAnalyst'
  | 'inviteAdmin'
  | 'inviteOwner'
  | 'listInvites'
  | 'revokeAnalystInvite'
  | 'revokeOwnerInvite'
  | 'setAnalystRole'
  | 'promoteAnalystToAdmin'
  | 'promoteAnalystToOwner'
  | 'demoteCoOwner'
  | 'removeAnalyst'
  | 'removeCoOwner';

export interface MatrixCase {
  action: MatrixAction;
  what: string;
  expect: Record<MatrixActor, number>;
}

// Column order: owner, admin, reviewer, analyst, viewer, non-member, anonymous.
const row = (owner: number, admin: number, reviewer: number, analyst: number, viewer: number, nonMember: number, anonymous: number) => ({
  owner,
  admin,
  reviewer,
  analyst,
  viewer,
  nonMember,
  anonymous,
});

export const MATRIX: MatrixCase[] = [
  { action: 'listDocuments', what: 'GET /api/documents?workspaceId=', expect: row(200, 200, 200, 200, 200, 404, 401) },
  { action: 'readDocument', what: 'GET /api/documents/:id', expect: row(200, 200, 200, 200, 200, 404, 401) },
  { action: 'readDocumentText', what: 'GET /api/documents/:id/text', expect: row(200, 200, 200, 200, 200, 404, 401) },
  { action: 'importDocument', what: 'POST /api/documents {workspaceId}', expect: row(201, 201, 201, 201, 403, 404, 401) },
  { action: 'listMembers', what: 'GET /api/workspaces/:id/members', expect: row(200, 200, 200, 200, 200, 404, 401) },
  { action: 'inviteAnalyst', what: 'POST /api/workspaces/:id/invites {role: analyst}', expect: row(201, 201, 403, 403, 403, 404, 401) },
  { action: 'inviteAdmin', what: 'POST /api/workspaces/:id/invites {role: admin}', expect: row(201, 201, 403, 403, 403, 404, 401) },
  { action: 'inviteOwner', what: 'POST /api/workspaces/:id/invites {role: owner}', expect: row(201, 403, 403, 403, 403, 404, 401) },
  { action: 'listInvites', what: 'GET /api/workspaces/:id/invites', expect: row(200, 200, 403, 403, 403, 404, 401) },
  { action: 'revokeAnalystInvite', what: 'DELETE /api/workspaces/:id/invites/:inviteId (analyst invite)', expect: row(204, 204, 403, 403, 403, 404, 401) },
  { action: 'revokeOwnerInvite', what: 'DELETE /api/workspaces/:id/invites/:inviteId (owner invite)', expect: row(204, 403, 403, 403, 403, 404, 401) },
  { action: 'setAnalystRole', what: "PATCH another member's role (analyst → analyst)", expect: row(200, 200, 403, 403, 403, 404, 401) },
  { action: 'promoteAnalystToAdmin', what: 'PATCH another member analyst → admin', expect: row(200, 200, 403, 403, 403, 404, 401) },
  { action: 'promoteAnalystToOwner', what: 'PATCH another member analyst → owner', expect: row(200, 403, 403, 403, 403, 404, 401) },
  { action: 'demoteCoOwner', what: 'PATCH another owner → admin (two owners exist)', expect: row(200, 403, 403, 403, 403, 404, 401) },
  { action: 'removeAnalyst', what: 'DELETE another member (analyst)', expect: row(204, 204, 403, 403, 403, 404, 401) },
  { action: 'removeCoOwner', what: 'DELETE another owner (two owners exist)', expect: row(204, 403, 403, 403, 403, 404, 401) },
];

/** Self-service: the same action on oneself. Nobody changes their own role; anyone may leave but the last owner. */
export interface SelfCase {
  actor: Role;
  role: Role;
  status: number;
}

export const SELF_ROLE_CHANGES: SelfCase[] = [
  { actor: 'viewer', role: 'analyst', status: 403 },
  { actor: 'analyst', role: 'reviewer', status: 403 },
  { actor: 'reviewer', role: 'admin', status: 403 },
  { actor: 'admin', role: 'owner', status: 403 },
  { actor: 'owner', role: 'admin', status: 403 },
];
