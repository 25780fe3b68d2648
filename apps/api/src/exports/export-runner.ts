// Prepares one export for sending, as a download or as a job: takes one of the person's running
// slots (SECURITY.md F4), opens the snapshot reader, counts, and builds the body — a byte stream
// pulled on demand, or the DOCX built whole — with the headers a download carries.
import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { API_PREFIX, EXPORT_COUNT_HEADER, MAX_DOCX_ANNOTATIONS, type ExportFormat } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ANNO_MEDIA_TYPE } from '../w3c/w3c-collection';
import type { ExportScope } from './export-scope';
import { exportDisposition } from './presenters/download-name';
import { ExportReader } from './queries/export-reader';
import { writeCsv } from './writers/csvExport';
import { buildDocxMemo } from './writers/docxMemo';
import { writeJsonExport } from './writers/jsonExport';
import { writeMarkdownMemo } from './writers/markdownMemo';
import { streamW3cExport } from './writers/w3cExport';

const CONTENT_TYPE: Record<ExportFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  w3c: ANNO_MEDIA_TYPE,
};

/** Exports one person may run at once on one instance (downloads and jobs alike); more answer 429. */
export const MAX_EXPORTS_PER_PERSON = 3;

export interface PreparedExport {
  format: ExportFormat;
  /** Annotations in the export. */
  count: number;
  contentType: string;
  disposition: string;
  /** The DOCX whole, or the other formats as a stream that closes the reader however it ends. */
  body: Buffer | Readable;
  /** How many annotations the writer has read so far. */
  progress(): number;
}

@Injectable()
export class ExportRunner {
  /** Running exports per person on this instance. */
  private readonly running = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `path` is the export's own URL path (the W3C collection's id); `title` names the file. */
  async prepare(scope: ExportScope, format: ExportFormat, title: string, path: string): Promise<PreparedExport> {
    const userId = scope.viewer.userId;
    const running = this.running.get(userId) ?? 0;
    if (running >= MAX_EXPORTS_PER_PERSON) throw DomainError.rateLimited(2);
    this.running.set(userId, running + 1);
    const release = () => {
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
    const reader = await ExportReader.open(this.dataSource, scope, release);
    try {
      const count = await reader.countAnnotations();
      if (format === 'docx' && count > MAX_DOCX_ANNOTATIONS) {
        throw DomainError.invalidField('format', `A DOCX memo holds at most ${MAX_DOCX_ANNOTATIONS} annotations (this export has ${count}); narrow the filters or choose markdown`);
      }
      const exportedAt = new Date();
      const exportedBy = (await reader.authorName(scope.viewer.userId)) ?? '';
      const prepared = {
        format,
        count,
        contentType: CONTENT_TYPE[format],
        disposition: exportDisposition(title, format === 'markdown' || format === 'docx' ? 'review-memo' : 'annotations', format),
        progress: () => Math.min(reader.annotationsRead, count),
      };
      if (format === 'docx') {
        const docx = await buildDocxMemo(reader, exportedAt, exportedBy);
        await reader.close();
        return { ...prepared, body: docx };
      }
      if (format === 'w3c') {
        const baseUrl = `${this.config.GLOSSA_PUBLIC_URL}${API_PREFIX}`;
        const stream = streamW3cExport(reader, { baseUrl, id: `${baseUrl}${path}?format=w3c`, label: title, total: count });
        stream.once('close', () => void reader.close());
        return { ...prepared, body: stream };
      }
      const chunks =
        format === 'csv' ? writeCsv(reader) : format === 'json' ? writeJsonExport(reader, exportedAt) : writeMarkdownMemo(reader, exportedAt, exportedBy);
      return { ...prepared, body: byteStream(chunks, reader) };
    } catch (error) {
      await reader.close();
      throw error;
    }
  }
}

/** The headers a download of `prepared` carries. */
export function downloadHeaders(prepared: Pick<PreparedExport, 'contentType' | 'disposition' | 'count'>): Record<string, string> {
  return {
    'content-type': prepared.contentType,
    'content-disposition': prepared.disposition,
    [EXPORT_COUNT_HEADER]: String(prepared.count),
    'access-control-expose-headers': `${EXPORT_COUNT_HEADER}, content-disposition`,
  };
}

/** A byte stream pulled from `chunks` (backpressure included) that ends the reader however it stops. */
function byteStream(chunks: AsyncGenerator<string>, reader: ExportReader): Readable {
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
    } finally {
      await reader.close();
    }
  }
  const stream = Readable.from(guarded(), { objectMode: false });
  // A client that leaves before the first chunk never starts the generator; close the reader anyway.
  stream.once('close', () => void reader.close());
  return stream;
}
