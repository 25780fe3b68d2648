// Annotations: a tagged span of a document revision with both selectors stored (DESIGN 3),
// a version for If-Match, soft deletion, and the per-user Idempotency-Key ledger of creates.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Annotations1764100000000 implements MigrationInterface {
  name = 'Annotations1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Offsets are code points of revision_id's canonical text; char_length counts code points too.
    await q.query(`
      CREATE TABLE annotation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        revision_id uuid NOT NULL REFERENCES document_revision(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        tag text NOT NULL CHECK (tag IN ('claim', 'opinion', 'data')),
        note text CHECK (note IS NULL OR char_length(note) <= 10000),
        visibility text NOT NULL CHECK (visibility IN ('shared', 'private')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted', 'rejected')),
        anchor_status text NOT NULL DEFAULT 'anchored' CHECK (anchor_status IN ('anchored', 'detached')),
        start_offset integer NOT NULL CHECK (start_offset >= 0),
        end_offset integer NOT NULL CHECK (end_offset > start_offset),
        quote_exact text NOT NULL CHECK (char_length(quote_exact) BETWEEN 1 AND 10000),
        quote_prefix text NOT NULL DEFAULT '',
        quote_suffix text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        modified_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    // The list's order: document order of live annotations, detached ones last.
    await q.query(`
      CREATE INDEX annotation_document_order ON annotation (document_id, (anchor_status = 'detached'), start_offset, end_offset, created_at, id)
        WHERE deleted_at IS NULL`);

    // A create retried with the same key by the same person returns the first result; the
    // primary key makes concurrent duplicates collide, so only one annotation is ever written.
    await q.query(`
      CREATE TABLE annotation_idempotency (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_sha256 text NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
        annotation_id uuid NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    // History reads an annotation's events by subject.
    await q.query(`CREATE INDEX event_subject_seq ON event (subject_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_subject_seq`);
    await q.query(`DROP TABLE annotation_idempotency`);
    await q.query(`DROP TABLE annotation`);
  }
}
