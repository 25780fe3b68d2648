import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { describeAuthError } from '../features/session/authMessages';
import { en } from '../i18n/en';
import { zhHans } from '../i18n/zh-Hans';
import { describeError } from './describeError';

let t: TFunction;
let tZh: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { en: { translation: en }, 'zh-Hans': { translation: zhHans } }, interpolation: { escapeValue: false } });
    return instance.t;
  };
  t = await make('en');
  tZh = await make('zh-Hans');
});

const rateLimited = (seconds?: number) => new ApiError(429, 'rate_limited', 'Too many attempts', [], true, seconds);

describe('describeError', () => {
  it.each([
    [1, 'Too many attempts. Try again in 1 second.'],
    [42, 'Too many attempts. Try again in 42 seconds.'],
    [90, 'Too many attempts. Try again in 90 seconds.'],
    [91, 'Too many attempts. Try again in 2 minutes.'],
    [900, 'Too many attempts. Try again in 15 minutes.'],
  ])('says how long to wait after a 429 with Retry-After %i', (seconds, headline) => {
    expect(describeError(rateLimited(seconds), t).headline).toBe(headline);
  });

  it('says so in Chinese too, and copes without Retry-After', () => {
    expect(describeError(rateLimited(30), tZh).headline).toBe('尝试次数过多。请在 30 秒后重试。');
    expect(describeError(rateLimited(), t).headline).toBe('Too many attempts. Wait a moment and try again.');
  });

  it.each([
    ['forbidden', 403, 'You do not have permission to do this.'],
    ['conflict', 409, 'This conflicts with the current state. Reload and check.'],
    ['csrf_failed', 403, 'This page’s security token is out of date. Reload the page and try again.'],
  ])('translates %s', (code, status, headline) => {
    const described = describeError(new ApiError(status, code, 'server words', [], true), t);
    expect(described).toEqual({ headline, detail: 'server words' });
  });
});

describe('describeAuthError', () => {
  it('answers a refused sign-in with one generic line, whatever the server said', () => {
    const error = new ApiError(401, 'unauthenticated', 'Invalid email or password', [], true);
    expect(describeAuthError(error, t, 'signIn')).toEqual({ headline: 'The email or password is not right. Check both and try again.' });
  });

  it('explains closed sign-up kindly', () => {
    const error = new ApiError(403, 'signup_closed', 'Sign-up needs an invite', [], true);
    expect(describeAuthError(error, t, 'signUp').headline).toBe('Sign-up is by invitation on this server.');
    expect(describeAuthError(error, t, 'signUp').detail).toContain('invite link');
  });

  it('keeps the wait of a throttled sign-in', () => {
    expect(describeAuthError(rateLimited(60), t, 'signIn').headline).toBe('Too many attempts. Try again in 60 seconds.');
  });
});
