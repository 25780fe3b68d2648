// Invite tokens: minted once, shown once, stored as SHA-256; and the single-use claim that
// turns one into a membership (shared by sign-up with a token and by accepting while signed in).
import type { EntityManager } from 'typeorm';
import type { Role } from '@glossa/contracts';
import { randomSecret, sha256Hex } from '../common/secrets';
import { returnedRows } from '../database/returning';

/** Invite tokens are 32 random bytes in base64url; anything else cannot be one. */
const INVITE_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function mintInviteToken(): { token: string; tokenHash: string } {
  const token = randomSecret();
  return { token, tokenHash: sha256Hex(token) };
}

/** The stored hash for a presented token, or null when it cannot be a token at all. */
export function inviteTokenHash(token: string): string | null {
  return INVITE_TOKEN_SHAPE.test(token) ? sha256Hex(token) : null;
}

export interface ClaimedInvite {
  id: string;
  workspaceId: string;
  role: Role;
}

/**
 * Marks a usable invite used by `userId` and returns it; null when it is unknown, used or expired.
 * The conditional UPDATE is the single-use guarantee: of two concurrent claims only one matches.
 */
export async function claimInvite(manager: EntityManager, token: string, userId: string): Promise<ClaimedInvite | null> {
  const tokenHash = inviteTokenHash(token);
  if (tokenHash === null) return null;
  const rows = returnedRows<{ id: string; workspace_id: string; role: Role }>(
    await manager.query(
    `UPDATE invite SET used_at = now(), used_by = $2
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING id, workspace_id, role`,
      [tokenHash, userId],
    ),
  );
  const row = rows[0];
  return row ? { id: row.id, workspaceId: row.workspace_id, role: row.role } : null;
}
