// The first schema: workspaces, documents with immutable revisions, and the event log.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1763840000000 implements MigrationInterface {
  name = 'Initial1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspace (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 300),
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // At most one default workspace: the one a fresh install's seeds and first owner land in.
    await q.query(`CREATE UNIQUE INDEX workspace_one_default ON workspace (is_default) WHERE is_default`);

    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        language text NOT NULL CHECK (language IN ('zh-Hant', 'zh-Hans', 'en', 'und')),
        seed_key text UNIQUE,
        current_revision_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX document_workspace_newest ON document (workspace_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE document_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES document(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        format text NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
        doc jsonb NOT NULL,
        text text NOT NULL,
        text_length integer NOT NULL CHECK (text_length >= 0),
        source_sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (document_id, number)
      )`);
    await q.query(`
      ALTER TABLE document ADD CONSTRAINT document_current_revision_fk
        FOREIGN KEY (current_revision_id) REFERENCES document_revision(id) DEFERRABLE INITIALLY DEFERRED`);

    // The audit trail and resync source: one row per change, written in the change's transaction.
    await q.query(`
      CREATE TABLE event (
        seq bigserial PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        document_id uuid,
        type text NOT NULL,
        subject_id uuid NOT NULL,
        actor_id uuid,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX event_document_seq ON event (document_id, seq) WHERE document_id IS NOT NULL`);
    await q.query(`CREATE INDEX event_workspace_seq ON event (workspace_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event`);
    await q.query(`ALTER TABLE document DROP CONSTRAINT document_current_revision_fk`);
    await q.query(`DROP TABLE document_revision`);
    await q.query(`DROP TABLE document`);
    await q.query(`DROP TABLE workspace`);
  }
}
