// The app's one query cache, its retry policy, and what a 401 anywhere means.
import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { sessionKeys } from '../features/session/queries';

const MAX_RETRIES = 2;

/** Client errors (4xx) will not change on retry; network and 5xx failures might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/**
 * A 401 from anything but signing in means the session ended (expired, signed out in
 * another tab, removed from the workspace). Asking the server who is signed in again
 * lets the sign-in gate send the person to the sign-in page, with `next` set.
 */
export function endsSession(error: unknown, key: QueryKey | undefined): boolean {
  return isApiError(error) && error.status === 401 && key?.[0] !== sessionKeys.me[0];
}

export function createQueryClient(): QueryClient {
  const recheckSession = () => void client.invalidateQueries({ queryKey: sessionKeys.me });
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (endsSession(error, query.queryKey)) recheckSession();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (endsSession(error, mutation.options.mutationKey)) recheckSession();
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
