import { describe, expect, it } from 'vitest';
import { checkSignIn, checkSignUp, credentialFieldForErrorPath } from './credentialsDraft';

const good = { name: 'Lin Wei', email: 'lin@example.org', password: 'correct horse' };

describe('checkSignUp', () => {
  it('accepts a complete draft', () => {
    expect(checkSignUp(good)).toEqual([]);
  });

  it('reports every empty field at once', () => {
    expect(checkSignUp({ name: ' ', email: '', password: '' }).map((p) => p.kind)).toEqual(['nameRequired', 'emailRequired', 'passwordRequired']);
  });

  it.each([['lin'], ['lin@'], ['@example.org'], ['lin @example.org']])('refuses the email %j', (email) => {
    expect(checkSignUp({ ...good, email })).toEqual([{ field: 'email', kind: 'emailInvalid' }]);
  });

  it('counts password length in code points, with the minimum at 8', () => {
    expect(checkSignUp({ ...good, password: '1234567' })).toEqual([{ field: 'password', kind: 'passwordTooShort', length: 7, min: 8 }]);
    expect(checkSignUp({ ...good, password: '12345678' })).toEqual([]);
    // Four astral characters are 8 UTF-16 units but only 4 characters.
    expect(checkSignUp({ ...good, password: '𠮷𠮷𠮷𠮷' })).toEqual([{ field: 'password', kind: 'passwordTooShort', length: 4, min: 8 }]);
  });

  it('never trims a password: spaces count', () => {
    expect(checkSignUp({ ...good, password: '        ' })).toEqual([]);
  });

  it('limits the password to 256 UTF-8 bytes', () => {
    expect(checkSignUp({ ...good, password: 'a'.repeat(256) })).toEqual([]);
    expect(checkSignUp({ ...good, password: '密'.repeat(86) })).toEqual([{ field: 'password', kind: 'passwordTooLong', bytes: 258, max: 256 }]);
    expect(checkSignUp({ ...good, password: '😀'.repeat(64) })).toEqual([]);
  });
});

describe('checkSignIn', () => {
  it('asks only for an email and some password', () => {
    expect(checkSignIn({ email: 'lin@example.org', password: 'short' })).toEqual([]);
    expect(checkSignIn({ email: '', password: '' }).map((p) => p.kind)).toEqual(['emailRequired', 'passwordRequired']);
  });
});

describe('credentialFieldForErrorPath', () => {
  it.each([
    ['email', 'email'],
    ['password', 'password'],
    ['name', 'name'],
    ['inviteToken', undefined],
    ['(body)', undefined],
  ])('%j → %j', (path, field) => {
    expect(credentialFieldForErrorPath(path)).toBe(field);
  });
});
