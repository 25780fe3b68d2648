import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { shouldRetry } from './queryClient';

describe('shouldRetry', () => {
  it('never retries client errors', () => {
    expect(shouldRetry(0, new ApiError(404, 'not_found', 'gone'))).toBe(false);
    expect(shouldRetry(0, new ApiError(400, 'validation_failed', 'bad'))).toBe(false);
  });

  it('retries network and server failures a bounded number of times', () => {
    expect(shouldRetry(0, new ApiError(0, 'network_error', 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'service_unavailable', 'down'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'service_unavailable', 'down'))).toBe(false);
  });
});
