// Exports: the review memo (Markdown, DOCX), CSV, Glossa JSON and W3C collections of what a
// caller may read in a document, a selection of documents or a workspace (docs/EXPORTS.md).
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ExportsController } from './exports.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [ExportsController],
})
export class ExportsModule {}
