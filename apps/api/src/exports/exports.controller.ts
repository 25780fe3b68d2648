// HTTP edge for exports: parse the filters, resolve what the caller may read (foreign or missing →
// 404), open one snapshot reader, and stream the chosen format as a download.
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import {
  API_PREFIX,
  Action,
  DocumentExportQuery,
  EXPORT_COUNT_HEADER,
  MAX_DOCX_ANNOTATIONS,
  Routes,
  WorkspaceExportQuery,
  type ExportFormat,
} from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DocumentAccess } from '../documents/document-access';
import { ANNO_MEDIA_TYPE } from '../w3c/w3c-collection';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import type { ExportFilters, ExportScope } from './export-scope';
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

function filtersOf(query: DocumentExportQuery | WorkspaceExportQuery): ExportFilters {
  return { tag: query.tag, status: query.status, author: query.author, from: query.from, to: query.to, includePrivate: query.includePrivate };
}

/** Exports one person may run at once on one instance; more answer 429 with Retry-After. */
export const MAX_EXPORTS_PER_PERSON = 3;

@Controller()
export class ExportsController {
  /** Running exports per person on this instance. */
  private readonly running = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentAccess,
    private readonly workspaces: WorkspaceAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(Routes.documentExport)
  async exportDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Res() reply: FastifyReply): Promise<void> {
    const documentId = requireId(id, 'Document');
    const input = parseInput(DocumentExportQuery, query);
    const workspaceId = await this.documents.require(actor.userId, documentId, Action.ReadDocuments);
    const role = await this.workspaces.requireMember(actor.userId, workspaceId);
    const [row] = (await this.dataSource.query(`SELECT w.name, d.title FROM document d JOIN workspace w ON w.id = d.workspace_id WHERE d.id = $1`, [documentId])) as Array<{
      name: string;
      title: string;
    }>;
    if (!row) throw DomainError.notFound('Document');
    const scope: ExportScope = {
      workspaceId,
      workspaceName: row.name,
      documentIds: [documentId],
      singleDocument: true,
      viewer: { userId: actor.userId, role },
      filters: filtersOf(input),
    };
    await this.send(reply, scope, input.format, row.title, `/documents/${documentId}/export`);
  }

  @Get(Routes.workspaceExport)
  async exportWorkspace(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Res() reply: FastifyReply): Promise<void> {
    const workspaceId = requireId(id, 'Workspace');
    const input = parseInput(WorkspaceExportQuery, query);
    const role = await this.workspaces.requireAbility(actor.userId, workspaceId, Action.ReadDocuments);
    const [workspace] = (await this.dataSource.query(`SELECT name FROM workspace WHERE id = $1`, [workspaceId])) as Array<{ name: string }>;
    if (!workspace) throw DomainError.notFound('Workspace');
    const rows = (await this.dataSource.query(
      `SELECT id FROM document
        WHERE workspace_id = $1 AND current_revision_id IS NOT NULL ${input.documentIds ? 'AND id = ANY($2::uuid[])' : ''}
        ORDER BY created_at, id`,
      input.documentIds ? [workspaceId, input.documentIds] : [workspaceId],
    )) as Array<{ id: string }>;
    // Every named document must be one of this workspace's (B3): otherwise as if missing.
    if (input.documentIds && rows.length !== input.documentIds.length) throw DomainError.notFound('Document');
    const scope: ExportScope = {
      workspaceId,
      workspaceName: workspace.name,
      documentIds: rows.map((r) => r.id),
      singleDocument: false,
      viewer: { userId: actor.userId, role },
      filters: filtersOf(input),
    };
    await this.send(reply, scope, input.format, workspace.name, `/workspaces/${workspaceId}/export`);
  }

  private async send(reply: FastifyReply, scope: ExportScope, format: ExportFormat, title: string, path: string): Promise<void> {
    // Each running export holds a pool connection: one person gets a few at a time (SECURITY.md F4).
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
      // Built before any header is set, so a failure still answers with a plain error.
      const docx = format === 'docx' ? await buildDocxMemo(reader, exportedAt, exportedBy) : null;
      void reply
        .status(200)
        .header('content-type', CONTENT_TYPE[format])
        .header('content-disposition', exportDisposition(title, format === 'markdown' || format === 'docx' ? 'review-memo' : 'annotations', format))
        .header(EXPORT_COUNT_HEADER, String(count))
        .header('access-control-expose-headers', `${EXPORT_COUNT_HEADER}, content-disposition`);
      if (docx !== null) {
        await reader.close();
        void reply.header('content-length', String(docx.length)).send(docx);
        return;
      }
      if (format === 'w3c') {
        const baseUrl = `${this.config.GLOSSA_PUBLIC_URL}${API_PREFIX}`;
        const stream = streamW3cExport(reader, { baseUrl, id: `${baseUrl}${path}?format=w3c`, label: title, total: count });
        stream.once('close', () => void reader.close());
        void reply.send(stream);
        return;
      }
      const chunks =
        format === 'csv' ? writeCsv(reader) : format === 'json' ? writeJsonExport(reader, exportedAt) : writeMarkdownMemo(reader, exportedAt, exportedBy);
      void reply.send(this.byteStream(chunks, reader));
    } catch (error) {
      await reader.close();
      throw error;
    }
  }

  /** A byte stream pulled from `chunks` (backpressure included) that ends the reader however it stops. */
  private byteStream(chunks: AsyncGenerator<string>, reader: ExportReader): Readable {
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
}
