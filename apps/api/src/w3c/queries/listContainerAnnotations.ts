// What a document's annotation container holds for a caller: the annotations they may see (shared ones
// and their own private ones, never deleted), in document order with detached ones last.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../../annotations/annotation-row';

@Injectable()
export class ListContainerAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  run(documentId: string, userId: string): Promise<AnnotationRow[]> {
    return this.dataSource.query(
      `SELECT ${ANNOTATION_COLUMNS} FROM ${ANNOTATION_FROM}
        WHERE a.document_id = $1 AND a.deleted_at IS NULL AND (a.visibility = 'shared' OR a.author_id = $2)
        ORDER BY (a.anchor_status = 'detached'), a.start_offset, a.end_offset, a.created_at, a.id`,
      [documentId, userId],
    );
  }
}
