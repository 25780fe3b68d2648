// HTTP edge for documents: parse, resolve the workspace, call one use case, present.
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CreateDocumentBody, ListDocumentsQuery, Routes, type DocumentDetail, type DocumentPage } from '@glossa/contracts';
import { parseInput, requireId } from '../common/domain-error';
import { DefaultWorkspace } from '../workspaces/default-workspace';
import { ImportDocument } from './commands/importDocument';
import { readMultipartImport } from './multipart-import';
import { presentDocumentDetail } from './presenters/documentPresenter';
import { GetDocument } from './queries/getDocument';
import { ListDocuments } from './queries/listDocuments';

@Controller()
export class DocumentsController {
  constructor(
    private readonly workspaces: DefaultWorkspace,
    private readonly importDocument: ImportDocument,
    private readonly listDocuments: ListDocuments,
    private readonly getDocument: GetDocument,
  ) {}

  @Get(Routes.documents)
  async list(@Query() query: unknown): Promise<DocumentPage> {
    return this.listDocuments.run(await this.workspaces.id(), parseInput(ListDocumentsQuery, query));
  }

  @Post(Routes.documents)
  @HttpCode(201)
  async create(@Req() request: FastifyRequest): Promise<DocumentDetail> {
    const input = request.isMultipart() ? await readMultipartImport(request) : parseInput(CreateDocumentBody, request.body);
    const imported = await this.importDocument.run({ ...input, workspaceId: await this.workspaces.id(), actorId: null });
    // Only seed imports can be skipped; a user import always yields a document.
    if (!imported) throw new Error('import without a seed key was skipped');
    return presentDocumentDetail(imported.document, imported.revision);
  }

  @Get(Routes.document)
  async get(@Param('id') id: string): Promise<DocumentDetail> {
    const { document, revision } = await this.getDocument.run(await this.workspaces.id(), requireId(id, 'Document'));
    return presentDocumentDetail(document, revision);
  }

  @Get(Routes.documentText)
  async text(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.getDocument.text(await this.workspaces.id(), requireId(id, 'Document'));
    void reply.type('text/plain; charset=utf-8');
    return text;
  }
}
