// HTTP calls for workspaces and their people: create a workspace, list members, change
// a role, remove someone, and create / list / revoke invite links.
import { CreatedInvite, InviteList, Member, MemberList, Routes, WorkspaceSummary, type Role } from '@glossa/contracts';
import { apiRequest, apiSend, fillPath } from './client';

export function createWorkspace(name: string): Promise<WorkspaceSummary> {
  return apiRequest(Routes.workspaces, WorkspaceSummary, { method: 'POST', json: { name } });
}

export function listMembers(workspaceId: string, signal?: AbortSignal): Promise<MemberList> {
  return apiRequest(fillPath(Routes.members, { id: workspaceId }), MemberList, { signal });
}

export function changeMemberRole(workspaceId: string, userId: string, role: Role): Promise<Member> {
  return apiRequest(fillPath(Routes.member, { id: workspaceId, userId }), Member, { method: 'PATCH', json: { role } });
}

export function removeMember(workspaceId: string, userId: string): Promise<void> {
  return apiSend(fillPath(Routes.member, { id: workspaceId, userId }), { method: 'DELETE' });
}

export interface CreateInviteInput {
  role: Role;
  expiresInHours?: number;
}

export function createInvite(workspaceId: string, input: CreateInviteInput): Promise<CreatedInvite> {
  return apiRequest(fillPath(Routes.invites, { id: workspaceId }), CreatedInvite, { method: 'POST', json: input });
}

export function listInvites(workspaceId: string, signal?: AbortSignal): Promise<InviteList> {
  return apiRequest(fillPath(Routes.invites, { id: workspaceId }), InviteList, { signal });
}

export function revokeInvite(workspaceId: string, inviteId: string): Promise<void> {
  return apiSend(fillPath(Routes.invite, { id: workspaceId, inviteId }), { method: 'DELETE' });
}
