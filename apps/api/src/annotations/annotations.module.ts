// Annotations: create, read, list, edit, delete and restore (one or many) tagged spans of documents, and
// their history. Re-anchoring after a re-import is a function the documents module calls.
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { AnnotationAccess } from './annotation-access';
import { AnnotationsController } from './annotations.controller';
import { BulkDeleteAnnotations } from './commands/bulkDeleteAnnotations';
import { BulkRestoreAnnotations } from './commands/bulkRestoreAnnotations';
import { CreateAnnotation } from './commands/createAnnotation';
import { DeleteAnnotation } from './commands/deleteAnnotation';
import { RestoreAnnotation } from './commands/restoreAnnotation';
import { UpdateAnnotation } from './commands/updateAnnotation';
import { GetAnnotationHistory } from './queries/getAnnotationHistory';
import { AnnotationListCache } from './queries/annotationListCache';
import { ListAnnotations } from './queries/listAnnotations';

@Module({
  imports: [DocumentsModule],
  controllers: [AnnotationsController],
  providers: [AnnotationAccess, CreateAnnotation, UpdateAnnotation, DeleteAnnotation, RestoreAnnotation, BulkDeleteAnnotations, BulkRestoreAnnotations, ListAnnotations, AnnotationListCache, GetAnnotationHistory],
  // Links, comments and review read annotations through the same visibility rules.
  exports: [AnnotationAccess],
})
export class AnnotationsModule {}
