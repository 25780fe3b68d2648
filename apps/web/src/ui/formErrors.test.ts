import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { placeServerErrors } from './formErrors';

const fieldFor = (path: string) => (path === 'email' || path === 'password' ? path : undefined);

describe('placeServerErrors', () => {
  it('puts a 400 field error beside its field, the first message per field', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'email', message: 'email is not valid' },
      { path: 'email', message: 'second' },
    ]);
    expect(placeServerErrors(error, fieldFor)).toEqual({ fields: { email: 'email is not valid' }, unplaced: [], banner: false });
  });

  it('keeps unknown paths for the banner', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', [
      { path: 'password', message: 'too common' },
      { path: 'inviteToken', message: 'unknown invite' },
    ]);
    expect(placeServerErrors(error, fieldFor)).toEqual({
      fields: { password: 'too common' },
      unplaced: [{ path: 'inviteToken', message: 'unknown invite' }],
      banner: true,
    });
  });

  it.each([
    new ApiError(401, 'unauthenticated', 'Invalid email or password'),
    new ApiError(429, 'rate_limited', 'Slow down'),
    new ApiError(400, 'malformed_json', 'Bad JSON'),
    new Error('boom'),
  ])('sends anything else to the banner: %s', (error) => {
    expect(placeServerErrors(error, fieldFor)).toEqual({ fields: {}, unplaced: [], banner: true });
  });
});
