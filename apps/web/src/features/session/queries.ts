// Query-cache hooks for the session: who is signed in, sign in / up / out, switching
// workspace, invites. Anything cached for one person is dropped when the person changes.
import type { Me } from '@glossa/contracts';
import { useMutation, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { acceptInvite, fetchMe, getInvitePreview, signIn, signOut, signUp, switchWorkspace, type SignInInput, type SignUpInput } from '../../api/session';

export const sessionKeys = {
  me: ['session', 'me'] as const,
  /** Mutation keys of sign-in and sign-up, whose 401 means "wrong password", not "session ended". */
  signIn: ['session', 'signIn'] as const,
  signUp: ['session', 'signUp'] as const,
  /** Readable by anyone, so it survives a change of person. */
  invitePreview: (token: string) => ['public', 'invite', token] as const,
};

/** Queries whose answer depends on who is signed in: everything but the session and public reads. */
const isPersonal = (query: Query) => query.queryKey[0] !== 'session' && query.queryKey[0] !== 'public';

/** The signed-in person (null when nobody is), from the one `GET /api/me` in the cache. */
export function useMe() {
  return useQuery({ queryKey: sessionKeys.me, queryFn: ({ signal }) => fetchMe(signal) });
}

/** Replaces the session in the cache, forgetting everything read as somebody else. */
export function adoptSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.removeQueries({ predicate: isPersonal });
  queryClient.setQueryData(sessionKeys.me, me);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Me, Error, SignInInput>({
    mutationKey: sessionKeys.signIn,
    mutationFn: signIn,
    onSuccess: (me) => adoptSession(queryClient, me),
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation<Me, Error, SignUpInput>({
    mutationKey: sessionKeys.signUp,
    mutationFn: signUp,
    onSuccess: (me) => adoptSession(queryClient, me),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, void>({
    // Already signed out (an expired session) is as good as signing out.
    mutationFn: () => signOut().catch((error: unknown) => (isApiError(error) && error.status === 401 ? undefined : Promise.reject(error))),
    onSuccess: () => adoptSession(queryClient, null),
  });
}

/** Makes another workspace current: the server remembers it, every list is read again. */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  return useMutation<Me, Error, string>({
    mutationFn: switchWorkspace,
    onSuccess: (me) => {
      queryClient.setQueryData(sessionKeys.me, me);
      void queryClient.invalidateQueries({ predicate: isPersonal });
    },
  });
}

export function useInvitePreview(token: string) {
  return useQuery({ queryKey: sessionKeys.invitePreview(token), queryFn: ({ signal }) => getInvitePreview(token, signal), staleTime: 0 });
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation<Me, Error, string>({
    mutationFn: acceptInvite,
    onSuccess: (me) => {
      queryClient.setQueryData(sessionKeys.me, me);
      void queryClient.invalidateQueries({ predicate: isPersonal });
    },
  });
}
