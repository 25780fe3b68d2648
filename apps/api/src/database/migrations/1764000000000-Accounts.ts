// Accounts and access: users, workspace memberships with a role, server-side sessions,
// single-use invites, personal API tokens, and the counters behind sign-in rate limits.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1764000000000 implements MigrationInterface {
  name = 'Accounts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Emails are stored trimmed and lower-cased by the API; the unique index makes one mailbox one account.
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254 AND email = lower(btrim(email))),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        current_workspace_id uuid REFERENCES workspace(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email ON app_user (email)`);

    await q.query(`
      CREATE TABLE membership (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'reviewer', 'analyst', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, user_id)
      )`);
    await q.query(`CREATE INDEX membership_user ON membership (user_id)`);

    // Only a SHA-256 of the session id is kept: a copy of this table cannot be replayed as cookies.
    await q.query(`
      CREATE TABLE user_session (
        id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX user_session_by_user ON user_session (user_id)`);

    await q.query(`
      CREATE TABLE invite (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'reviewer', 'analyst', 'viewer')),
        created_by uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX invite_workspace_pending ON invite (workspace_id, created_at DESC) WHERE used_at IS NULL`);

    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_token_user ON api_token (user_id, created_at DESC)`);

    // Fixed-window counters shared by every API instance; keys are keyed hashes, never raw emails or IPs.
    await q.query(`
      CREATE TABLE rate_limit (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits integer NOT NULL CHECK (hits >= 0)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
    await q.query(`DROP TABLE api_token`);
    await q.query(`DROP TABLE invite`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE membership`);
    await q.query(`DROP TABLE app_user`);
  }
}
