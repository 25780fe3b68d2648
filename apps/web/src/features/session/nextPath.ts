// Where to go after signing in: the `next` query parameter, accepted only as a path on
// this site, so a crafted link cannot send a fresh session elsewhere (SECURITY.md C6).
import { paths } from '../../paths';

/** The query parameter the sign-in and sign-up pages read. */
export const NEXT_PARAM = 'next';

// A placeholder origin to resolve against; only the path part survives.
const BASE = 'https://glossa.invalid';
const AUTH_PAGES: readonly string[] = [paths.signIn, paths.signUp];

/**
 * `raw` when it is a same-origin relative path (normalised), otherwise `fallback`.
 * Rejects schemes (`javascript:`, `https:`), protocol-relative `//host`, and backslashes
 * and control characters, which browsers turn into `/` or drop (`/\evil`, `/\t/evil`).
 */
export function safeNextPath(raw: string | null | undefined, fallback: string = paths.documents): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Coming back to a sign-in page after signing in would be a loop.
  if (AUTH_PAGES.includes(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/signin`, remembering `next` unless it is the home page (or unsafe). */
export function signInPath(next?: string): string {
  return withNext(paths.signIn, next);
}

export function signUpPath(next?: string): string {
  return withNext(paths.signUp, next);
}

function withNext(page: string, next: string | undefined): string {
  const safe = safeNextPath(next, '');
  if (safe === '' || safe === paths.documents) return page;
  return `${page}?${new URLSearchParams({ [NEXT_PARAM]: safe }).toString()}`;
}

/** The sanitised `next` of a query string such as wouter's `useSearch()`. */
export function nextFromSearch(search: string): string {
  return safeNextPath(new URLSearchParams(search).get(NEXT_PARAM));
}
