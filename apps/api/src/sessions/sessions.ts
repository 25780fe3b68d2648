// Server-side sessions in PostgreSQL: created at sign-in, resolved on each request with idle and
// absolute limits, ended by logout and password changes. The cookie holds the id; the table its SHA-256.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { randomSecret, sha256Hex } from '../common/secrets';
import { returnedRows } from '../database/returning';
import { LAST_SEEN_RESOLUTION_SECONDS, SESSION_ABSOLUTE_LIFETIME_SECONDS, SESSION_IDLE_TIMEOUT_SECONDS } from './session-lifetimes';
import { SessionRevocations } from './session-revocations';

/** Session ids look like this (32 random bytes, base64url); anything else is not looked up. */
const SESSION_ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface NewSession {
  /** The secret for the cookie; never stored. */
  id: string;
  idHash: string;
}

@Injectable()
export class Sessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revocations: SessionRevocations,
  ) {}

  /** Opens a session, inside the caller's transaction when given one. */
  async create(userId: string, manager: EntityManager = this.dataSource.manager): Promise<NewSession> {
    const id = randomSecret();
    const idHash = sha256Hex(id);
    await manager.query(
      `INSERT INTO user_session (id_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [idHash, userId, SESSION_ABSOLUTE_LIFETIME_SECONDS],
    );
    // Expired rows of this user go now, so the table does not grow with abandoned sessions.
    await manager.query(
      `DELETE FROM user_session WHERE user_id = $1 AND (expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $2))`,
      [userId, SESSION_IDLE_TIMEOUT_SECONDS],
    );
    return { id, idHash };
  }

  /** The session's user, or null for an unknown, idle-expired or expired session. */
  async authenticate(sessionId: string): Promise<Actor | null> {
    if (!SESSION_ID_SHAPE.test(sessionId)) return null;
    const idHash = sha256Hex(sessionId);
    const rows: Array<{ user_id: string; stale: boolean }> = await this.dataSource.query(
      `SELECT user_id, last_seen_at <= now() - make_interval(secs => $3) AS stale
         FROM user_session
        WHERE id_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)`,
      [idHash, SESSION_IDLE_TIMEOUT_SECONDS, LAST_SEEN_RESOLUTION_SECONDS],
    );
    const row = rows[0];
    if (!row) return null;
    // Sliding idle timeout, written at most once a minute to keep reads cheap.
    if (row.stale) await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE id_hash = $1`, [idHash]);
    return { userId: row.user_id, sessionIdHash: idHash, tokenId: null };
  }

  /** Ends one session by the id from its cookie (logout, or the old session at sign-in). */
  async end(sessionId: string): Promise<void> {
    if (!SESSION_ID_SHAPE.test(sessionId)) return;
    const rows = returnedRows<{ user_id: string; id_hash: string }>(
      await this.dataSource.query(`DELETE FROM user_session WHERE id_hash = $1 RETURNING user_id, id_hash`, [sha256Hex(sessionId)]),
    );
    if (rows[0]) this.revocations.emit({ kind: 'sessions-ended', userId: rows[0].user_id, sessionIdHashes: [rows[0].id_hash] });
  }

  /**
   * Ends every session of a user except `keepIdHash`, inside the caller's transaction.
   * Returns what to announce once that transaction commits.
   */
  async endAllOf(manager: EntityManager, userId: string, keepIdHash: string | null): Promise<() => void> {
    const rows = returnedRows<{ id_hash: string }>(
      await manager.query(`DELETE FROM user_session WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2 RETURNING id_hash`, [userId, keepIdHash]),
    );
    const ended = rows.map((r) => r.id_hash);
    return () => {
      if (ended.length > 0) this.revocations.emit({ kind: 'sessions-ended', userId, sessionIdHashes: ended });
    };
  }
}
