// Resolves `Authorization: Bearer <token>` to its user: a personal API token, looked up by SHA-256.
// Revoked tokens are deleted rows, so a revocation takes effect on the very next request.
import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { API_TOKEN_PREFIX } from '@glossa/contracts';
import type { Actor } from '../auth/actor';
import { sha256Hex } from '../common/secrets';
import { LAST_SEEN_RESOLUTION_SECONDS } from '../sessions/session-lifetimes';

const BEARER = /^Bearer +(\S+)\s*$/i;
/** The prefix plus 32 random bytes in base64url. */
const TOKEN_SHAPE = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/** The bearer credential of a request, or null when it sends none. */
export function bearerCredential(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = BEARER.exec(header);
  return match ? match[1] : null;
}

@Injectable()
export class TokenAuthenticator {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(token: string): Promise<Actor | null> {
    if (!TOKEN_SHAPE.test(token)) return null;
    const rows: Array<{ id: string; user_id: string; stale: boolean }> = await this.dataSource.query(
      `SELECT id, user_id, (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => $2)) AS stale
         FROM api_token WHERE token_hash = $1`,
      [sha256Hex(token), LAST_SEEN_RESOLUTION_SECONDS],
    );
    const row = rows[0];
    if (!row) return null;
    if (row.stale) await this.dataSource.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [row.id]);
    return { userId: row.user_id, sessionIdHash: null, tokenId: row.id };
  }
}
