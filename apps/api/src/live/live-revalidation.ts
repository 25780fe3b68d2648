// Ends live connections whose access ended, within seconds and on every instance: at once for
// changes announced in this process (logout, password change, token revoked, member removed),
// and every two seconds by re-checking every socket's session or token and every room's
// membership in one query (for changes made through another instance).
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@glossa/contracts';
import { SESSION_IDLE_TIMEOUT_SECONDS } from '../sessions/session-lifetimes';
import { SessionRevocations, type Revocation } from '../sessions/session-revocations';
import { LiveConnections, type LiveConnection } from './live-connections';
import { LiveFanout } from './live-fanout';

export const REVALIDATE_EVERY_MS = 2_000;

@Injectable()
export class LiveRevalidation implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private running = false;
  private readonly log = new Logger('LiveRevalidation');

  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: LiveConnections,
    private readonly revocations: SessionRevocations,
    private readonly fanout: LiveFanout,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.revocations.subscribe((revocation) => this.revoked(revocation));
    this.timer = setInterval(() => void this.check(), REVALIDATE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  private revoked(revocation: Revocation): void {
    const affected = this.connections.ofUser(revocation.userId);
    switch (revocation.kind) {
      case 'sessions-ended':
        for (const c of affected) if (c.sessionIdHash && revocation.sessionIdHashes.includes(c.sessionIdHash)) this.connections.close(c, 'session_ended');
        return;
      case 'token-revoked':
        for (const c of affected) if (c.tokenId === revocation.tokenId) this.connections.close(c, 'session_ended');
        return;
      case 'membership-ended':
        for (const c of affected) this.connections.close(c, 'membership_removed');
        return;
      case 'membership-changed':
        this.fanout.changeRole(revocation.userId, revocation.workspaceId, revocation.role);
        return;
    }
  }

  /** One query for every socket of this instance: is its credential alive, what role in each room. */
  async check(): Promise<void> {
    if (this.running || this.connections.size === 0) return;
    this.running = true;
    try {
      const sockets: LiveConnection[] = [...this.connections.all()].filter((c) => !c.closing);
      const rooms = sockets.flatMap((c) => [...c.subscriptions.values()].map((s) => ({ key: c.socket.id, userId: c.userId, workspaceId: s.workspaceId })));
      const [result] = (await this.dataSource.query(
        `WITH s AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[]) AS s(k, user_id, session_hash, token_id)),
              r AS (SELECT * FROM unnest($5::text[], $6::uuid[], $7::uuid[]) AS r(k, user_id, workspace_id))
         SELECT (SELECT coalesce(json_agg(s.k), '[]') FROM s
                  WHERE NOT CASE WHEN s.session_hash IS NOT NULL
                    THEN EXISTS (SELECT 1 FROM user_session us WHERE us.id_hash = s.session_hash AND us.user_id = s.user_id
                                   AND us.expires_at > now() AND us.last_seen_at > now() - make_interval(secs => $8))
                    ELSE EXISTS (SELECT 1 FROM api_token t WHERE t.id = s.token_id AND t.user_id = s.user_id) END) AS ended,
                (SELECT coalesce(json_agg(json_build_array(r.k, r.workspace_id, m.role)), '[]') FROM r
                   LEFT JOIN membership m ON m.workspace_id = r.workspace_id AND m.user_id = r.user_id) AS roles`,
        [
          sockets.map((c) => c.socket.id),
          sockets.map((c) => c.userId),
          sockets.map((c) => c.sessionIdHash),
          sockets.map((c) => c.tokenId),
          rooms.map((r) => r.key),
          rooms.map((r) => r.userId),
          rooms.map((r) => r.workspaceId),
          SESSION_IDLE_TIMEOUT_SECONDS,
        ],
      )) as Array<{ ended: string[]; roles: Array<[string, string, Role | null]> }>;
      for (const key of result!.ended) {
        const connection = this.connections.get(key);
        if (connection) this.connections.close(connection, 'session_ended');
      }
      for (const [key, workspaceId, role] of result!.roles) {
        const connection = this.connections.get(key);
        if (!connection || connection.closing) continue;
        if (role === null) this.connections.close(connection, 'membership_removed');
        else for (const s of connection.subscriptions.values()) if (s.workspaceId === workspaceId) s.role = role;
      }
    } catch (error) {
      this.log.warn(`Re-checking live connections failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
