// HTTP edge for exports: parse the filters, resolve what the caller may read (foreign or missing →
// 404), and send the chosen format as a download — or, asked with `Prefer: respond-async`, start
// it as a job (ExportJobs).
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { API_PREFIX, Action, DocumentExportQuery, PREFER_ASYNC, Routes, WorkspaceExportQuery, type ExportFormat } from '@glossa/contracts';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { DocumentAccess } from '../documents/document-access';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { ExportJobs } from './export-jobs';
import { downloadHeaders, ExportRunner } from './export-runner';
import type { ExportFilters, ExportScope } from './export-scope';

function filtersOf(query: DocumentExportQuery | WorkspaceExportQuery): ExportFilters {
  return { tag: query.tag, status: query.status, author: query.author, from: query.from, to: query.to, includePrivate: query.includePrivate };
}

@Controller()
export class ExportsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentAccess,
    private readonly workspaces: WorkspaceAccess,
    private readonly runner: ExportRunner,
    private readonly jobs: ExportJobs,
  ) {}

  @Get(Routes.documentExport)
  async exportDocument(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
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
    await this.send(request, reply, scope, input.format, row.title, `/documents/${documentId}/export`);
  }

  @Get(Routes.workspaceExport)
  async exportWorkspace(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
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
    await this.send(request, reply, scope, input.format, workspace.name, `/workspaces/${workspaceId}/export`);
  }

  /**
   * Streams the export as a download, or — with `Prefer: respond-async` — starts it as a job and
   * answers 202 with its `Location`.
   */
  private async send(request: FastifyRequest, reply: FastifyReply, scope: ExportScope, format: ExportFormat, title: string, path: string): Promise<void> {
    const prepared = await this.runner.prepare(scope, format, title, path);
    if (prefersAsync(request.headers.prefer)) {
      const job = await this.jobs.start(scope.viewer.userId, scope.workspaceId, prepared);
      void reply
        .status(202)
        .header('location', `${API_PREFIX}${Routes.exportJob.replace(':id', job.id)}`)
        .header('preference-applied', PREFER_ASYNC)
        .header('vary', 'Prefer')
        .send(job);
      return;
    }
    void reply.status(200).headers(downloadHeaders(prepared)).header('vary', 'Prefer');
    if (Buffer.isBuffer(prepared.body)) void reply.header('content-length', String(prepared.body.length));
    void reply.send(prepared.body);
  }
}

/** Whether a Prefer header asks for `respond-async` (RFC 7240: comma-separated preferences). */
export function prefersAsync(prefer: string | string[] | undefined): boolean {
  const values = Array.isArray(prefer) ? prefer : prefer === undefined ? [] : [prefer];
  return values.some((value) => value.split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === PREFER_ASYNC));
}
