// Query-cache hooks for a workspace's people: members, role changes, removals, invites,
// and creating a workspace. Changes that may touch the signed-in person re-read the session.
import type { CreatedInvite, Member, MemberList, Role, WorkspaceSummary } from '@glossa/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  changeMemberRole,
  createInvite,
  createWorkspace,
  listInvites,
  listMembers,
  removeMember,
  revokeInvite,
  type CreateInviteInput,
} from '../../api/workspaces';
import { sessionKeys } from '../session/queries';

export const workspaceKeys = {
  all: ['workspaces'] as const,
  members: (workspaceId: string) => [...workspaceKeys.all, workspaceId, 'members'] as const,
  invites: (workspaceId: string) => [...workspaceKeys.all, workspaceId, 'invites'] as const,
};

/** The person's own role or membership may have changed: abilities come from the session. */
function recheckSession(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: sessionKeys.me });
}

export function useMembers(workspaceId: string) {
  return useQuery({ queryKey: workspaceKeys.members(workspaceId), queryFn: ({ signal }) => listMembers(workspaceId, signal) });
}

export function useInvites(workspaceId: string, enabled: boolean) {
  return useQuery({ queryKey: workspaceKeys.invites(workspaceId), queryFn: ({ signal }) => listInvites(workspaceId, signal), enabled });
}

export function useChangeMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<Member, Error, { userId: string; role: Role }>({
    mutationFn: ({ userId, role }) => changeMemberRole(workspaceId, userId, role),
    onSuccess: (member) => {
      queryClient.setQueryData<MemberList>(workspaceKeys.members(workspaceId), (list) =>
        list ? { items: list.items.map((item) => (item.userId === member.userId ? member : item)) } : list,
      );
      void recheckSession(queryClient);
    },
    // A refusal may mean the list is out of date (someone else changed it): read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, Member>({
    mutationFn: (member) => removeMember(workspaceId, member.userId),
    onSuccess: (_, member) => {
      queryClient.setQueryData<MemberList>(workspaceKeys.members(workspaceId), (list) =>
        list ? { items: list.items.filter((item) => item.userId !== member.userId) } : list,
      );
      void recheckSession(queryClient);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.members(workspaceId) }),
  });
}

export function useCreateInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<CreatedInvite, Error, CreateInviteInput>({
    mutationFn: (input) => createInvite(workspaceId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invites(workspaceId) }),
  });
}

export function useRevokeInvite(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (inviteId) => revokeInvite(workspaceId, inviteId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workspaceKeys.invites(workspaceId) }),
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation<WorkspaceSummary, Error, string>({
    mutationFn: createWorkspace,
    onSuccess: () => recheckSession(queryClient),
  });
}
