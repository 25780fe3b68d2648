// The session and CSRF cookies: names, attributes and lifetimes in one place (SECURITY.md A5).
// Over HTTPS the session cookie is `__Host-` prefixed and Secure; never a Domain attribute.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, HOST_COOKIE_PREFIX, SESSION_COOKIE } from '@glossa/contracts';
import type { AppConfig } from '../config/config';
import { SESSION_ABSOLUTE_LIFETIME_SECONDS } from '../sessions/session-lifetimes';

type CookieConfig = Pick<AppConfig, 'secureCookies'>;

export function sessionCookieName(config: CookieConfig): string {
  return config.secureCookies ? `${HOST_COOKIE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function readSessionCookie(request: FastifyRequest, config: CookieConfig): string | undefined {
  return request.cookies[sessionCookieName(config)];
}

export function setSessionCookie(reply: FastifyReply, config: CookieConfig, sessionId: string): void {
  void reply.setCookie(sessionCookieName(config), sessionId, {
    httpOnly: true,
    // Lax: sent on top-level navigations (links into the app work) but not on cross-site POSTs.
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: SESSION_ABSOLUTE_LIFETIME_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: CookieConfig): void {
  void reply.clearCookie(sessionCookieName(config), { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/' });
}

export function readCsrfCookie(request: FastifyRequest): string | undefined {
  return request.cookies[CSRF_COOKIE];
}

/** Readable by the page's script (that is the point of a double-submit token), never sent cross-site. */
export function setCsrfCookie(reply: FastifyReply, config: CookieConfig, token: string): void {
  void reply.setCookie(CSRF_COOKIE, token, {
    httpOnly: false,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: SESSION_ABSOLUTE_LIFETIME_SECONDS,
  });
}
