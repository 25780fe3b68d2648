// Who may do what (SECURITY.md B1, B4, B5): the role × action matrix cell by cell, abilities per
// role, self-promotion, the last owner, and other workspaces' things answering exactly like
// missing ones. Every refusal is checked against the database: nothing changed.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedInvite, CreatedToken, DocumentDetail, Role, WorkspaceSummary } from '@glossa/contracts';
import {
  accessSnapshot,
  joinWithRole,
  newSession,
  query,
  signInAsOwner,
  signUpStranger,
  tableCounts,
  type Session,
  type TestUser,
} from '../support/api';
import { ACTORS, MATRIX, ROLE_ABILITIES, SELF_ROLE_CHANGES, type MatrixAction, type MatrixActor } from './permissions-cases';

let owner: Session;
let workspaceId: string;
let documentId: string;
const members = {} as Record<Exclude<Role, 'owner'>, TestUser>;
let target: TestUser;
let coOwner: TestUser;
let stranger: TestUser;
const sessions = {} as Record<MatrixActor, Session>;

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function everything(): Promise<unknown> {
  return { access: await accessSnapshot(), documents: await tableCounts() };
}

async function createInvite(role: Role, inWorkspace = workspaceId): Promise<string> {
  const response = await owner.post(`/api/workspaces/${inWorkspace}/invites`, { role });
  expect(response.status).toBe(201);
  return (await json<CreatedInvite>(response)).id;
}

async function setRole(userId: string, role: Role): Promise<void> {
  await query(
    `INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [workspaceId, userId, role],
  );
}

beforeAll(async () => {
  owner = await signInAsOwner();
  const created = await owner.post('/api/workspaces', { name: 'Permissions matrix' });
  expect(created.status).toBe(201);
  workspaceId = (await json<WorkspaceSummary>(created)).id;
  for (const role of ['admin', 'reviewer', 'analyst', 'viewer'] as const) members[role] = await joinWithRole(owner, workspaceId, role);
  target = await joinWithRole(owner, workspaceId, 'analyst', 'target');
  coOwner = await joinWithRole(owner, workspaceId, 'owner', 'co-owner');
  stranger = await signUpStranger('stranger');
  Object.assign(sessions, {
    owner,
    admin: members.admin.session,
    reviewer: members.reviewer.session,
    analyst: members.analyst.session,
    viewer: members.viewer.session,
    nonMember: stranger.session,
    anonymous: newSession(),
  });
  const imported = await owner.post('/api/documents', { title: 'Matrix document', format: 'text', content: '只有成員可讀。', workspaceId });
  expect(imported.status).toBe(201);
  documentId = (await json<DocumentDetail>(imported)).id;
});

/** What an action needs to exist first (an invite to revoke), made before the "nothing changed" snapshot. */
const prepare: Partial<Record<MatrixAction, () => Promise<string>>> = {
  revokeAnalystInvite: () => createInvite('analyst'),
  revokeOwnerInvite: () => createInvite('owner'),
};

/** Performs one matrix action as `session`; the matrix workspace's state is restored afterwards. */
const perform: Record<MatrixAction, (session: Session, prepared: string) => Promise<Response>> = {
  listDocuments: (s) => s.get(`/api/documents?workspaceId=${workspaceId}`),
  readDocument: (s) => s.get(`/api/documents/${documentId}`),
  readDocumentText: (s) => s.get(`/api/documents/${documentId}/text`),
  importDocument: (s) => s.post('/api/documents', { title: 'Matrix import', format: 'text', content: 'x', workspaceId }),
  listMembers: (s) => s.get(`/api/workspaces/${workspaceId}/members`),
  inviteAnalyst: (s) => s.post(`/api/workspaces/${workspaceId}/invites`, { role: 'analyst' }),
  inviteAdmin: (s) => s.post(`/api/workspaces/${workspaceId}/invites`, { role: 'admin' }),
  inviteOwner: (s) => s.post(`/api/workspaces/${workspaceId}/invites`, { role: 'owner' }),
  listInvites: (s) => s.get(`/api/workspaces/${workspaceId}/invites`),
  revokeAnalystInvite: (s, inviteId) => s.delete(`/api/workspaces/${workspaceId}/invites/${inviteId}`),
  revokeOwnerInvite: (s, inviteId) => s.delete(`/api/workspaces/${workspaceId}/invites/${inviteId}`),
  setAnalystRole: (s) => s.patch(`/api/workspaces/${workspaceId}/members/${target.me.user.id}`, { role: 'analyst' }),
  promoteAnalystToAdmin: (s) => s.patch(`/api/workspaces/${workspaceId}/members/${target.me.user.id}`, { role: 'admin' }),
  promoteAnalystToOwner: (s) => s.patch(`/api/workspaces/${workspaceId}/members/${target.me.user.id}`, { role: 'owner' }),
  demoteCoOwner: (s) => s.patch(`/api/workspaces/${workspaceId}/members/${coOwner.me.user.id}`, { role: 'admin' }),
  removeAnalyst: (s) => s.delete(`/api/workspaces/${workspaceId}/members/${target.me.user.id}`),
  removeCoOwner: (s) => s.delete(`/api/workspaces/${workspaceId}/members/${coOwner.me.user.id}`),
};

afterEach(async () => {
  // Allowed cells change roles or remove people; put the matrix workspace back as it was.
  if (target && coOwner) {
    await setRole(target.me.user.id, 'analyst');
    await setRole(coOwner.me.user.id, 'owner');
  }
});

describe('abilities returned with each workspace', () => {
  it.each(['admin', 'reviewer', 'analyst', 'viewer'] as const)('%s gets exactly the documented abilities', async (role) => {
    const me = await members[role].session.me();
    const workspace = me.workspaces.find((w) => w.id === workspaceId);
    expect(workspace?.role).toBe(role);
    expect(workspace?.abilities).toEqual(ROLE_ABILITIES[role]);
    const list = await json<{ items: WorkspaceSummary[] }>(await members[role].session.get('/api/workspaces'));
    expect(list.items.find((w) => w.id === workspaceId)?.abilities).toEqual(ROLE_ABILITIES[role]);
  });

  it('owner gets exactly the documented abilities, and a stranger does not see the workspace', async () => {
    const me = await owner.me();
    expect(me.workspaces.find((w) => w.id === workspaceId)?.abilities).toEqual(ROLE_ABILITIES.owner);
    expect((await stranger.session.me()).workspaces.map((w) => w.id)).not.toContain(workspaceId);
  });
});

describe.each(MATRIX)('$action: $what', (matrixCase) => {
  it.each(ACTORS)('as %s', async (actor) => {
    const expected = matrixCase.expect[actor];
    const prepared = (await prepare[matrixCase.action]?.()) ?? '';
    const before = await everything();
    const response = await perform[matrixCase.action](sessions[actor], prepared);
    expect(response.status).toBe(expected);
    if (expected >= 400) {
      const body = await json<{ error: { code: string } }>(response);
      expect(body.error.code).toBe({ 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[expected]);
      expect(await everything()).toEqual(before);
    }
  });
});

describe('changing one’s own role (B5 self-promotion)', () => {
  it.each(SELF_ROLE_CHANGES)('$actor → $role is refused with $status and changes nothing', async ({ actor, role, status }) => {
    const self = actor === 'owner' ? { session: owner, id: (await owner.me()).user.id } : { session: members[actor].session, id: members[actor].me.user.id };
    const before = await everything();
    const response = await self.session.patch(`/api/workspaces/${workspaceId}/members/${self.id}`, { role });
    expect(response.status).toBe(status);
    expect(await everything()).toEqual(before);
  });
});

describe('the last owner', () => {
  it('cannot leave their workspace (409) nor change their own role, and nothing changes', async () => {
    const own = stranger.me.currentWorkspaceId!;
    const before = await everything();
    const leave = await stranger.session.delete(`/api/workspaces/${own}/members/${stranger.me.user.id}`);
    expect(leave.status).toBe(409);
    expect((await json<{ error: { code: string } }>(leave)).error.code).toBe('conflict');
    expect((await stranger.session.patch(`/api/workspaces/${own}/members/${stranger.me.user.id}`, { role: 'admin' })).status).toBe(403);
    expect(await everything()).toEqual(before);
  });

  it('once the co-owner has left, the remaining owner cannot leave either', async () => {
    expect((await coOwner.session.delete(`/api/workspaces/${workspaceId}/members/${coOwner.me.user.id}`)).status).toBe(204);
    const ownerId = (await owner.me()).user.id;
    const before = await everything();
    const leave = await owner.delete(`/api/workspaces/${workspaceId}/members/${ownerId}`);
    expect(leave.status).toBe(409);
    expect(await everything()).toEqual(before);
  });

  it('admins cannot remove or demote an owner, even with several owners', async () => {
    const before = await everything();
    const ownerId = (await owner.me()).user.id;
    expect((await members.admin.session.delete(`/api/workspaces/${workspaceId}/members/${ownerId}`)).status).toBe(403);
    expect((await members.admin.session.patch(`/api/workspaces/${workspaceId}/members/${ownerId}`, { role: 'viewer' })).status).toBe(403);
    expect(await everything()).toEqual(before);
  });
});

describe('leaving and removal end access at once', () => {
  it('a viewer may leave, and from the next request sees nothing of the workspace', async () => {
    const viewer = members.viewer;
    try {
      expect((await viewer.session.delete(`/api/workspaces/${workspaceId}/members/${viewer.me.user.id}`)).status).toBe(204);
      expect((await viewer.session.get(`/api/documents/${documentId}`)).status).toBe(404);
      expect((await viewer.session.get(`/api/workspaces/${workspaceId}/members`)).status).toBe(404);
      expect((await viewer.session.me()).workspaces.map((w) => w.id)).not.toContain(workspaceId);
    } finally {
      await setRole(viewer.me.user.id, 'viewer');
    }
  });

  it('a removed member loses the workspace on the next request, with the same 404 as a missing document', async () => {
    const removed = await joinWithRole(owner, workspaceId, 'analyst', 'removed');
    expect((await removed.session.get(`/api/documents/${documentId}`)).status).toBe(200);
    expect((await members.admin.session.delete(`/api/workspaces/${workspaceId}/members/${removed.me.user.id}`)).status).toBe(204);
    const gone = await removed.session.get(`/api/documents/${documentId}`);
    const missing = await removed.session.get(`/api/documents/${randomUUID()}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual(await missing.json());
    expect((await removed.session.get(`/api/documents?workspaceId=${workspaceId}`)).status).toBe(404);
  });
});

describe('other workspaces’ things answer exactly like missing ones (B1)', () => {
  async function sameAsMissing(theirs: Response, missing: Response): Promise<void> {
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
  }

  it('documents: read, text, list by workspace, import into it', async () => {
    const s = stranger.session;
    const before = await everything();
    await sameAsMissing(await s.get(`/api/documents/${documentId}`), await s.get(`/api/documents/${randomUUID()}`));
    await sameAsMissing(await s.get(`/api/documents/${documentId}/text`), await s.get(`/api/documents/${randomUUID()}/text`));
    await sameAsMissing(await s.get(`/api/documents?workspaceId=${workspaceId}`), await s.get(`/api/documents?workspaceId=${randomUUID()}`));
    const body = { title: 'Planted', format: 'text', content: 'planted' };
    await sameAsMissing(await s.post('/api/documents', { ...body, workspaceId }), await s.post('/api/documents', { ...body, workspaceId: randomUUID() }));
    const form = new FormData();
    form.set('workspaceId', workspaceId);
    form.set('file', new Blob(['planted']), 'planted.txt');
    expect((await s.request('/api/documents', { method: 'POST', body: form })).status).toBe(404);
    expect(await everything()).toEqual(before);
  });

  it('members: list, change a role, remove', async () => {
    const s = stranger.session;
    const before = await everything();
    const victim = target.me.user.id;
    await sameAsMissing(await s.get(`/api/workspaces/${workspaceId}/members`), await s.get(`/api/workspaces/${randomUUID()}/members`));
    await sameAsMissing(
      await s.patch(`/api/workspaces/${workspaceId}/members/${victim}`, { role: 'viewer' }),
      await s.patch(`/api/workspaces/${randomUUID()}/members/${victim}`, { role: 'viewer' }),
    );
    await sameAsMissing(await s.delete(`/api/workspaces/${workspaceId}/members/${victim}`), await s.delete(`/api/workspaces/${randomUUID()}/members/${victim}`));
    // An owner of one workspace naming a member of another in their own: "no such member".
    const own = stranger.me.currentWorkspaceId!;
    await sameAsMissing(await s.delete(`/api/workspaces/${own}/members/${victim}`), await s.delete(`/api/workspaces/${own}/members/${randomUUID()}`));
    await sameAsMissing(
      await s.patch(`/api/workspaces/${own}/members/${victim}`, { role: 'viewer' }),
      await s.patch(`/api/workspaces/${own}/members/${randomUUID()}`, { role: 'viewer' }),
    );
    expect(await everything()).toEqual(before);
  });

  it('invites: list, create, revoke — including from one’s own workspace', async () => {
    const s = stranger.session;
    const inviteId = await createInvite('viewer');
    const before = await everything();
    await sameAsMissing(await s.get(`/api/workspaces/${workspaceId}/invites`), await s.get(`/api/workspaces/${randomUUID()}/invites`));
    await sameAsMissing(
      await s.post(`/api/workspaces/${workspaceId}/invites`, { role: 'owner' }),
      await s.post(`/api/workspaces/${randomUUID()}/invites`, { role: 'owner' }),
    );
    await sameAsMissing(await s.delete(`/api/workspaces/${workspaceId}/invites/${inviteId}`), await s.delete(`/api/workspaces/${randomUUID()}/invites/${inviteId}`));
    const own = stranger.me.currentWorkspaceId!;
    await sameAsMissing(await s.delete(`/api/workspaces/${own}/invites/${inviteId}`), await s.delete(`/api/workspaces/${own}/invites/${randomUUID()}`));
    expect(await everything()).toEqual(before);
  });

  it('API tokens: another user’s token id is "not found" and the token keeps working', async () => {
    const created = await owner.post('/api/auth/tokens', { name: 'owner script' });
    expect(created.status).toBe(201);
    const token = await json<CreatedToken>(created);
    const before = await everything();
    await sameAsMissing(await stranger.session.delete(`/api/auth/tokens/${token.id}`), await stranger.session.delete(`/api/auth/tokens/${randomUUID()}`));
    expect(await everything()).toEqual(before);
    const stillWorks = await fetch(`${owner.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(stillWorks.status).toBe(200);
    expect((await stranger.session.get('/api/auth/tokens')).status).toBe(200);
    expect(JSON.stringify(await json(await stranger.session.get('/api/auth/tokens')))).not.toContain(token.id);
  });

  it('switching the current workspace to someone else’s', async () => {
    const before = await everything();
    await sameAsMissing(
      await stranger.session.patch('/api/me', { currentWorkspaceId: workspaceId }),
      await stranger.session.patch('/api/me', { currentWorkspaceId: randomUUID() }),
    );
    expect(await everything()).toEqual(before);
  });
});

describe('mass assignment is refused (B4)', () => {
  const cases: Array<{ name: string; run: () => Promise<Response> }> = [
    { name: 'a role in the sign-up body', run: () => newSession().signUp({ email: `x-${randomUUID()}@glossa.test`, password: 'Lantern harbour tessellated 9', name: 'x', role: 'owner' } as never) },
    { name: 'a workspaceId in the sign-up body', run: () => newSession().signUp({ email: `x-${randomUUID()}@glossa.test`, password: 'Lantern harbour tessellated 9', name: 'x', workspaceId } as never) },
    { name: 'userId and workspaceId next to a role change', run: () => members.admin.session.patch(`/api/workspaces/${workspaceId}/members/${target.me.user.id}`, { role: 'viewer', userId: members.admin.me.user.id, workspaceId }) },
    { name: 'a role next to the current workspace', run: () => members.viewer.session.patch('/api/me', { currentWorkspaceId: workspaceId, role: 'owner' }) },
    { name: 'an email change through /api/me', run: () => members.viewer.session.patch('/api/me', { currentWorkspaceId: workspaceId, email: 'owner@glossa.test' }) },
    { name: 'an owner and createdAt on a new workspace', run: () => members.viewer.session.post('/api/workspaces', { name: 'Mine', ownerId: members.viewer.me.user.id, createdAt: '2000-01-01T00:00:00Z' }) },
    { name: 'createdBy and token on an invite', run: () => owner.post(`/api/workspaces/${workspaceId}/invites`, { role: 'viewer', createdBy: members.viewer.me.user.id, token: 'chosen' }) },
    { name: 'a userId on an API token', run: () => members.viewer.session.post('/api/auth/tokens', { name: 'mine', userId: owner.baseUrl }) },
    { name: 'authorId, workspace and createdAt on a document', run: () => members.analyst.session.post('/api/documents', { title: 't', format: 'text', content: 'x', authorId: owner.baseUrl, createdAt: '2000-01-01T00:00:00Z' }) },
  ];

  it.each(cases)('$name → 400, nothing changed', async ({ run }) => {
    const before = await everything();
    const response = await run();
    expect(response.status).toBe(400);
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe('validation_failed');
    expect(await everything()).toEqual(before);
  });
});
