// Documents and their immutable revisions: import, list, read, each within a workspace of the caller.
import { Module } from '@nestjs/common';
import { ImportDocument } from './commands/importDocument';
import { ImportRevision } from './commands/importRevision';
import { DocumentConverter } from './conversion/document-converter';
import { DocumentAccess } from './document-access';
import { DocumentsController } from './documents.controller';
import { GetDocument } from './queries/getDocument';
import { ListDocuments } from './queries/listDocuments';

@Module({
  controllers: [DocumentsController],
  providers: [DocumentConverter, ImportDocument, ImportRevision, ListDocuments, GetDocument, DocumentAccess],
  exports: [ImportDocument, DocumentAccess],
})
export class DocumentsModule {}
