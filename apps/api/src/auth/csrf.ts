// Cross-site request forgery defences for cookie-authenticated requests (SECURITY.md A8):
// an Origin / Sec-Fetch-Site check and a double-submit token (cookie glossa_csrf = header X-CSRF-Token).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@glossa/contracts';
import type { AppConfig } from '../config/config';
import { constantTimeEqual, randomSecret } from '../common/secrets';
import { readCsrfCookie, setCsrfCookie } from './cookies';

/** Methods that may change something; GET and HEAD never do. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const SEC_FETCH_SITE = 'sec-fetch-site';
const CROSS_SITE = 'cross-site';
const CSRF_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Gives every response that lacks it a CSRF cookie, so the next mutation can echo it. */
export function registerCsrfCookie(fastify: FastifyInstance, config: AppConfig): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const current = readCsrfCookie(request);
    if (current === undefined || !CSRF_TOKEN_SHAPE.test(current)) setCsrfCookie(reply, config, randomSecret());
  });
}

function withLoopbackTwins(origin: string, into: Set<string>): void {
  into.add(origin);
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return;
  }
  // localhost and 127.0.0.1 are the same machine; people type either.
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return;
  for (const host of LOOPBACK_HOSTS) into.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}

/** The app's own origins: the configured public URL, and the Host this request was sent to. */
function allowedOrigins(request: FastifyRequest, config: AppConfig): Set<string> {
  const origins = new Set<string>();
  withLoopbackTwins(config.GLOSSA_PUBLIC_URL, origins);
  const host = request.headers.host;
  if (host) withLoopbackTwins(`${request.protocol}://${host}`, origins);
  return origins;
}

/** Why a cookie-authenticated mutation must be refused, or null when it may proceed. */
export function csrfProblem(request: FastifyRequest, config: AppConfig): string | null {
  if (request.headers[SEC_FETCH_SITE] === CROSS_SITE) return 'Cross-site requests are not accepted';
  const origin = request.headers.origin;
  // Browsers send Origin on every POST/PUT/PATCH/DELETE; tools may not, and then the token below decides.
  if (origin !== undefined && !allowedOrigins(request, config).has(origin)) return 'Requests from another origin are not accepted';
  const cookie = readCsrfCookie(request);
  const header = request.headers[CSRF_HEADER];
  if (cookie === undefined || typeof header !== 'string' || !constantTimeEqual(cookie, header)) {
    return 'Missing or wrong CSRF token: send the glossa_csrf cookie value in the X-CSRF-Token header';
  }
  return null;
}
