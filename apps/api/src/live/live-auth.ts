// Authenticates a live handshake like an HTTP request: the API token in `auth.token`, else the
// session cookie. A wrong token is refused even with a valid cookie: the caller meant the token.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { sessionCookieName } from '../auth/cookies';
import type { AppConfig } from '../config/config';
import { Sessions } from '../sessions/sessions';
import { TokenAuthenticator } from '../tokens/token-authenticator';

export interface LiveIdentity extends Actor {
  name: string;
}

/** The value of one cookie in a Cookie header (RFC 6265 §5.4 pairs). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    const raw = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

@Injectable()
export class LiveAuthenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
    private readonly tokens: TokenAuthenticator,
  ) {}

  async authenticate(auth: Record<string, unknown>, cookieHeader: string | undefined, config: Pick<AppConfig, 'secureCookies'>): Promise<LiveIdentity | null> {
    let actor: Actor | null = null;
    if (auth.token !== undefined) {
      actor = typeof auth.token === 'string' ? await this.tokens.authenticate(auth.token) : null;
    } else {
      const sessionId = cookieValue(cookieHeader, sessionCookieName(config));
      actor = sessionId !== undefined ? await this.sessions.authenticate(sessionId) : null;
    }
    if (!actor) return null;
    const rows: Array<{ name: string }> = await this.dataSource.query(`SELECT name FROM app_user WHERE id = $1`, [actor.userId]);
    return rows[0] ? { ...actor, name: rows[0].name } : null;
  }
}
