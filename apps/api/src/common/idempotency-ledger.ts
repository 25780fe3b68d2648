// Replays a create that an Idempotency-Key already completed: the same key and request give the
// same subject back; the same key with another request is refused (SECURITY.md G2).
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@glossa/contracts';
import { DomainError } from './domain-error';

/** A ledger table keyed by (user_id, key), holding the request's hash and the created row's id. */
export interface IdempotencyLedger {
  table: 'annotation_idempotency' | 'link_idempotency' | 'document_idempotency';
  subjectColumn: 'annotation_id' | 'link_id' | 'document_id';
  /** What the key created, for the error message ("a different annotation"). */
  noun: string;
}

export async function replayIdempotent(
  dataSource: DataSource,
  ledger: IdempotencyLedger,
  userId: string,
  key: string,
  requestSha256: string,
): Promise<string | null> {
  // Table and column come from the constant ledger above, never from input.
  const rows: Array<{ request_sha256: string; subject_id: string }> = await dataSource.query(
    `SELECT request_sha256, ${ledger.subjectColumn} AS subject_id FROM ${ledger.table} WHERE user_id = $1 AND key = $2`,
    [userId, key],
  );
  if (!rows[0]) return null;
  if (rows[0].request_sha256 !== requestSha256) {
    throw new DomainError(ErrorCode.UnprocessableContent, 'This Idempotency-Key was already used with another request', [
      { path: 'Idempotency-Key', message: `use a new key for a different ${ledger.noun}` },
    ]);
  }
  return rows[0].subject_id;
}
