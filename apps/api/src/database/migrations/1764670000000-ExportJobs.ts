// Exports that run as jobs (issue 7): started with `Prefer: respond-async`, polled, downloaded
// when ready. The file is kept in the database in slices, so any instance can serve it and a
// restart loses nothing that was finished; jobs and their files are removed after a day.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ExportJobs1764670000000 implements MigrationInterface {
  name = 'ExportJobs1764670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('markdown', 'docx', 'csv', 'json', 'w3c')),
        content_type text NOT NULL,
        disposition text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        total integer NOT NULL CHECK (total >= 0),
        done integer NOT NULL DEFAULT 0 CHECK (done >= 0),
        bytes bigint NOT NULL DEFAULT 0 CHECK (bytes >= 0),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX export_job_user_recent ON export_job (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX export_job_created ON export_job (created_at)`);
    await q.query(`
      CREATE TABLE export_chunk (
        job_id uuid NOT NULL REFERENCES export_job(id) ON DELETE CASCADE,
        n integer NOT NULL CHECK (n >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (job_id, n)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_chunk`);
    await q.query(`DROP TABLE export_job`);
  }
}
