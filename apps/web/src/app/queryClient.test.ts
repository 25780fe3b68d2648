import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { sessionKeys } from '../features/session/queries';
import { createQueryClient, endsSession, shouldRetry } from './queryClient';

describe('shouldRetry', () => {
  it('never retries client errors', () => {
    expect(shouldRetry(0, new ApiError(404, 'not_found', 'gone'))).toBe(false);
    expect(shouldRetry(0, new ApiError(400, 'validation_failed', 'bad'))).toBe(false);
    expect(shouldRetry(0, new ApiError(429, 'rate_limited', 'slow down'))).toBe(false);
  });

  it('retries network and server failures a bounded number of times', () => {
    expect(shouldRetry(0, new ApiError(0, 'network_error', 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'service_unavailable', 'down'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'service_unavailable', 'down'))).toBe(false);
  });
});

describe('a 401 ends the session', () => {
  const unauthenticated = new ApiError(401, 'unauthenticated', 'Sign in first');

  it('counts a 401 from a list or a mutation, not from signing in', () => {
    expect(endsSession(unauthenticated, ['documents', 'list'])).toBe(true);
    expect(endsSession(unauthenticated, undefined)).toBe(true);
    expect(endsSession(unauthenticated, sessionKeys.signIn)).toBe(false);
    expect(endsSession(new ApiError(403, 'forbidden', 'no'), ['documents'])).toBe(false);
  });

  it('makes the cache ask who is signed in again', async () => {
    const client = createQueryClient();
    client.setQueryData(sessionKeys.me, { user: { id: 'u', email: 'u@example.org', name: 'U' }, workspaces: [], currentWorkspaceId: null });
    await client
      .fetchQuery({
        queryKey: ['documents', 'list', 'w'],
        queryFn: () => Promise.reject(unauthenticated),
      })
      .catch(() => undefined);
    expect(client.getQueryState(sessionKeys.me)?.isInvalidated).toBe(true);
  });
});
