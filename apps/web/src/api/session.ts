// HTTP calls for the signed-in person: who am I, sign up / in / out, switch workspace,
// change password, and the public invite preview and acceptance.
import { InvitePreview, Me, Routes } from '@glossa/contracts';
import { apiRequest, apiSend, fillPath, isApiError } from './client';

/** The signed-in person, or null when the server answers 401 (nobody is signed in). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest(Routes.me, Me, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  inviteToken?: string;
}

export function signUp(input: SignUpInput): Promise<Me> {
  return apiRequest(Routes.signUp, Me, { method: 'POST', json: input });
}

export interface SignInInput {
  email: string;
  password: string;
}

export function signIn(input: SignInInput): Promise<Me> {
  return apiRequest(Routes.login, Me, { method: 'POST', json: input });
}

export function signOut(): Promise<void> {
  return apiSend(Routes.logout, { method: 'POST' });
}

export function switchWorkspace(workspaceId: string): Promise<Me> {
  return apiRequest(Routes.me, Me, { method: 'PATCH', json: { currentWorkspaceId: workspaceId } });
}

export function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  return apiSend(Routes.password, { method: 'POST', json: input });
}

export function getInvitePreview(token: string, signal?: AbortSignal): Promise<InvitePreview> {
  return apiRequest(fillPath(Routes.invitePreview, { token }), InvitePreview, { signal });
}

export function acceptInvite(token: string): Promise<Me> {
  return apiRequest(fillPath(Routes.inviteAccept, { token }), Me, { method: 'POST' });
}
