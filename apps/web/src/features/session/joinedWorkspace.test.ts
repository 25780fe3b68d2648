import type { Abilities, Me, Role, WorkspaceSummary } from '@glossa/contracts';
import { describe, expect, it } from 'vitest';
import { joinedWorkspaceId } from './joinedWorkspace';

const none: Abilities = { readDocuments: true, importDocuments: false, annotate: false, review: false, manageMembers: false, manageWorkspace: false };
const ws = (id: string, name: string, role: Role): WorkspaceSummary => ({ id, name, role, abilities: none });
const me = (workspaces: WorkspaceSummary[], currentWorkspaceId: string | null = workspaces[0]?.id ?? null): Me => ({
  user: { id: 'u', email: 'u@example.org', name: 'U' },
  workspaces,
  currentWorkspaceId,
});
const invite = { workspaceName: 'Newsroom', role: 'reviewer' as const, expiresAt: '2030-01-01T00:00:00.000Z' };

describe('joinedWorkspaceId', () => {
  it('finds the workspace that is new since before', () => {
    const before = me([ws('a', 'Mine', 'owner')]);
    const after = me([ws('a', 'Mine', 'owner'), ws('b', 'Newsroom', 'reviewer')], 'a');
    expect(joinedWorkspaceId(before, after, invite)).toBe('b');
  });

  it('after a sign-up, picks the invite workspace by name next to a personal one', () => {
    const after = me([ws('p', 'Lin’s workspace', 'owner'), ws('b', 'Newsroom', 'reviewer')], 'p');
    expect(joinedWorkspaceId(null, after, invite)).toBe('b');
  });

  it('uses the role when names collide', () => {
    const after = me([ws('p', 'Newsroom', 'owner'), ws('b', 'Newsroom', 'reviewer')]);
    expect(joinedWorkspaceId(null, after, invite)).toBe('b');
  });

  it('gives up rather than guess', () => {
    expect(joinedWorkspaceId(null, me([ws('x', 'Elsewhere', 'viewer')]), invite)).toBeUndefined();
    expect(joinedWorkspaceId(null, me([ws('p', 'Newsroom', 'reviewer'), ws('b', 'Newsroom', 'reviewer')]), invite)).toBeUndefined();
  });
});
