// Optimistic concurrency for annotation writes: every write is an UPDATE … WHERE version = the
// If-Match version, so of many concurrent writers holding the same version exactly one wins
// (PostgreSQL re-checks the WHERE after waiting for the row lock); the rest get 412.
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { returnedRows } from '../database/returning';

/**
 * Runs `UPDATE annotation SET <set>, version = version + 1, modified_at = now() WHERE id = $1
 * AND version = $2 AND <condition>`; params from $3 on. Returns the new version, or throws 412
 * with the current version when someone else wrote first.
 */
export async function updateAtVersion(
  manager: EntityManager,
  id: string,
  expectedVersion: number,
  set: string,
  params: unknown[],
  condition = 'deleted_at IS NULL',
): Promise<number | null> {
  const result: unknown = await manager.query(
    `UPDATE annotation SET ${set}${set ? ', ' : ''}version = version + 1, modified_at = now()
      WHERE id = $1 AND version = $2 AND ${condition} RETURNING version`,
    [id, expectedVersion, ...params],
  );
  const rows = returnedRows<{ version: number }>(result);
  if (rows[0]) return rows[0].version;
  const [current] = (await manager.query(`SELECT version FROM annotation WHERE id = $1`, [id])) as Array<{ version: number }>;
  if (!current) throw DomainError.notFound('Annotation');
  if (current.version !== expectedVersion) throw DomainError.preconditionFailed(current.version);
  // The version matches but the condition does not (e.g. restoring one that is not deleted).
  return null;
}
