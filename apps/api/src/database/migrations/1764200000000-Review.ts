// Links between annotations (contradiction flags with a review state, supports, same claim),
// comments with mentions, notifications, and the indexes the review queue and search lean on.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Review1764200000000 implements MigrationInterface {
  name = 'Review1764200000000';

  async up(q: QueryRunner): Promise<void> {
    // annotation_set is the sorted member ids' SHA-256: one link per type over one set (G3).
    await q.query(`
      CREATE TABLE link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('contradicts', 'supports', 'same_claim')),
        status text CHECK (status IN ('open', 'in_review', 'confirmed', 'dismissed', 'resolved')),
        severity text CHECK (severity IN ('low', 'medium', 'high')),
        rationale text NOT NULL CHECK (char_length(rationale) BETWEEN 1 AND 5000),
        raised_by uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        assignee_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        resolution text,
        annotation_set text NOT NULL CHECK (annotation_set ~ '^[0-9a-f]{64}$'),
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        modified_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((type = 'contradicts') = (status IS NOT NULL AND severity IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX link_type_annotation_set ON link (type, annotation_set)`);
    // The queue's first page: flags of a workspace newest first, with or without a status/severity/assignee filter.
    await q.query(`CREATE INDEX link_queue ON link (workspace_id, created_at DESC, id DESC) WHERE type = 'contradicts'`);
    await q.query(`CREATE INDEX link_queue_status ON link (workspace_id, status, created_at DESC, id DESC) WHERE type = 'contradicts'`);
    await q.query(`CREATE INDEX link_queue_assignee ON link (workspace_id, assignee_id, created_at DESC, id DESC) WHERE type = 'contradicts'`);
    await q.query(`CREATE INDEX link_queue_raiser ON link (workspace_id, raised_by, created_at DESC, id DESC) WHERE type = 'contradicts'`);

    // Members of a link; a deleted (soft) annotation stays here, so the flag keeps its last quote.
    await q.query(`
      CREATE TABLE link_annotation (
        link_id uuid NOT NULL REFERENCES link(id) ON DELETE CASCADE,
        annotation_id uuid NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        PRIMARY KEY (link_id, annotation_id)
      )`);
    await q.query(`CREATE INDEX link_annotation_annotation ON link_annotation (annotation_id, link_id)`);

    await q.query(`
      CREATE TABLE link_idempotency (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_sha256 text NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
        link_id uuid NOT NULL REFERENCES link(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);

    // A comment belongs to exactly one link or one annotation; replies name their parent.
    await q.query(`
      CREATE TABLE comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        link_id uuid REFERENCES link(id) ON DELETE CASCADE,
        annotation_id uuid REFERENCES annotation(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES comment(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((link_id IS NULL) <> (annotation_id IS NULL))
      )`);
    await q.query(`CREATE INDEX comment_link ON comment (link_id, created_at, id) WHERE link_id IS NOT NULL`);
    await q.query(`CREATE INDEX comment_annotation ON comment (annotation_id, created_at, id) WHERE annotation_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE comment_mention (
        comment_id uuid NOT NULL REFERENCES comment(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        PRIMARY KEY (comment_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('mention', 'decision')),
        link_id uuid REFERENCES link(id) ON DELETE CASCADE,
        annotation_id uuid REFERENCES annotation(id) ON DELETE CASCADE,
        comment_id uuid REFERENCES comment(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL`);

    // Submitted annotations in the queue, newest first.
    await q.query(`CREATE INDEX annotation_queue ON annotation (workspace_id, status, created_at DESC, id DESC) WHERE deleted_at IS NULL`);

    // Substring search, Chinese included: pg_trgm needs 3 characters and, under the C locale,
    // drops CJK characters from its trigrams, so 2-character Chinese queries would scan. A GIN
    // index over the text's distinct character bigrams narrows any query of 2+ characters;
    // strpos re-checks the literal match.
    await q.query(`
      CREATE FUNCTION glossa_bigrams(value text) RETURNS text[]
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}')
            FROM generate_series(1, char_length(value) - 1) AS i
        $$`);
    await q.query(`CREATE INDEX annotation_search_bigrams ON annotation USING gin (glossa_bigrams(quote_exact || E'\\n' || coalesce(note, ''))) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX annotation_search_bigrams`);
    await q.query(`DROP FUNCTION glossa_bigrams(text)`);
    await q.query(`DROP INDEX annotation_queue`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE comment_mention`);
    await q.query(`DROP TABLE comment`);
    await q.query(`DROP TABLE link_idempotency`);
    await q.query(`DROP TABLE link_annotation`);
    await q.query(`DROP TABLE link`);
  }
}
