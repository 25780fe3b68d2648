// Whitelists what a client sees of an API token; the secret only in the creation response.
import type { CreatedToken, TokenSummary } from '@glossa/contracts';

export interface TokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

export function presentToken(row: TokenRow): TokenSummary {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}

export function presentCreatedToken(row: TokenRow, token: string): CreatedToken {
  return { id: row.id, name: row.name, token, createdAt: row.created_at.toISOString() };
}
