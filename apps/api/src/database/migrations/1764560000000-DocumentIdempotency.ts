// Idempotency-Key for document imports (SECURITY.md H2): a retry of an import whose answer was
// lost (the API or the network died) returns the first document instead of importing it twice.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentIdempotency1764560000000 implements MigrationInterface {
  name = 'DocumentIdempotency1764560000000';

  async up(q: QueryRunner): Promise<void> {
    // Same shape as annotation_idempotency: the primary key makes concurrent retries collide.
    await q.query(`
      CREATE TABLE document_idempotency (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_sha256 text NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_idempotency`);
  }
}
