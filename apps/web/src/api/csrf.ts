// Double-submit CSRF token: the server sets the readable cookie `glossa_csrf`, and every
// mutating request from this page repeats its value in the `X-CSRF-Token` header.

import { CSRF_COOKIE } from '@glossa/contracts';

export { CSRF_COOKIE, CSRF_HEADER } from '@glossa/contracts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** POST, PUT, PATCH and DELETE change state, so they carry the token; GET never does. */
export function isMutating(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The value of cookie `name` in a `document.cookie` string; undefined when absent or empty. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (raw === '') return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** The token the server gave this browser, read fresh on every call (it can change at sign-in). */
export function currentCsrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return readCookie(document.cookie, CSRF_COOKIE);
}
