// Lets annotation search walk a workspace's newest annotations first, so a common term finds its
// first page among the latest rows instead of re-checking every candidate of the bigram index.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnotationRecent1764350000000 implements MigrationInterface {
  name = 'AnnotationRecent1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX annotation_recent ON annotation (workspace_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX annotation_recent`);
  }
}
