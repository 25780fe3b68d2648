// Which web pages may open a live connection (cross-site WebSocket hijacking defence): the app's
// own origin (public URL, loopback twins, the Host the request was sent to) and GLOSSA_LIVE_ORIGINS.
// A handshake without Origin comes from a non-browser client and is judged by its credential alone.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AppConfig } from '../config/config';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function addWithLoopbackTwins(origin: string, into: Set<string>): void {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return;
  }
  into.add(url.origin);
  // localhost and 127.0.0.1 are the same machine; people type either.
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return;
  for (const host of LOOPBACK_HOSTS) into.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`);
}

export type LiveOriginConfig = Pick<AppConfig, 'GLOSSA_PUBLIC_URL' | 'GLOSSA_LIVE_ORIGINS' | 'GLOSSA_TRUST_PROXY'>;

/** Null when the handshake may go on; otherwise why not. */
export function originProblem(request: IncomingMessage, config: LiveOriginConfig): string | null {
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  const allowed = new Set<string>();
  addWithLoopbackTwins(config.GLOSSA_PUBLIC_URL, allowed);
  for (const extra of config.GLOSSA_LIVE_ORIGINS) addWithLoopbackTwins(extra, allowed);
  const host = request.headers.host;
  if (host) {
    const forwarded = config.GLOSSA_TRUST_PROXY !== false ? request.headers['x-forwarded-proto'] : undefined;
    const scheme = typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : (request.socket as TLSSocket).encrypted ? 'https' : 'http';
    addWithLoopbackTwins(`${scheme}://${host}`, allowed);
  }
  return allowed.has(origin) ? null : 'Live connections from another origin are not accepted';
}
