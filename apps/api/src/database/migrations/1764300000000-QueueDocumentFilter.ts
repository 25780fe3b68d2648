// Lets the review queue's document and tag filters find a document's annotations by index
// (the counts query otherwise reads every annotation of the workspace).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QueueDocumentFilter1764300000000 implements MigrationInterface {
  name = 'QueueDocumentFilter1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX annotation_document_tag ON annotation (document_id, tag, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX annotation_document_tag`);
  }
}
