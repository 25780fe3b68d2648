// Exports: the review memo (Markdown, DOCX), CSV, Glossa JSON and W3C collections of what a
// caller may read in a document, a selection of documents or a workspace, downloaded at once or
// run as jobs (docs/EXPORTS.md).
import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { ExportJobs } from './export-jobs';
import { ExportJobsController } from './export-jobs.controller';
import { ExportRunner } from './export-runner';
import { ExportsController } from './exports.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [ExportsController, ExportJobsController],
  providers: [ExportRunner, ExportJobs],
})
export class ExportsModule {}
